import type { Registry, Subject } from '@efficacy/indicator-model';

/** A subject's display name in both languages; retired units keep their names. */
export function describeSubject(registry: Registry, subject: Subject): { zh: string; en: string } {
  if (subject.kind === 'region') {
    const region = registry.regions.find((r) => r.code === subject.code);
    return { zh: region?.nameZh ?? subject.code, en: region?.nameEn ?? subject.code };
  }
  if (subject.kind === 'unit') {
    const unit = registry.units.find((u) => u.id === subject.id);
    return { zh: unit?.nameZh ?? subject.id, en: unit?.nameEn ?? unit?.nameZh ?? subject.id };
  }
  return { zh: subject.id, en: subject.id };
}
