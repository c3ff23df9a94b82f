// @nestjs/swagger's compiler plugin: it reads the DTO classes (types, `?`, class-validator
// decorators, doc comments) into the OpenAPI document (ADR 0017). The webpack build and the Jest
// configs use the same options, so the document a test checks is the one the server serves.
const plugin = require('@nestjs/swagger/plugin');

const SWAGGER_PLUGIN = {
  dtoFileNameSuffix: ['.dto.ts'],
  controllerFileNameSuffix: ['.controller.ts'],
  classValidatorShim: true,
  introspectComments: true,
};

module.exports = {
  SWAGGER_PLUGIN,
  // ts-jest's AST transformer shape: name, version (its cache key) and a factory over the program.
  name: 'nestjs-swagger-plugin',
  version: `${require('@nestjs/swagger/package.json').version}-1`,
  factory: (compiler) => plugin.before(SWAGGER_PLUGIN, compiler.program),
};
