import { NotFoundException } from '@nestjs/common';

/*
 * One sentence per kind of id, used both when the row does not exist and when it lies outside
 * the user's scope, so the answer never tells which of the two it was.
 */

export function regionNotFound(code: string): NotFoundException {
  return new NotFoundException(`region "${code}" not found`);
}

export function unitNotFound(id: string): NotFoundException {
  return new NotFoundException(`unit "${id}" not found`);
}

export function indicatorNotFound(code: string): NotFoundException {
  return new NotFoundException(`indicator "${code}" not found`);
}
