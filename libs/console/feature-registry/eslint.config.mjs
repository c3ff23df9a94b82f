import { angularConfig } from '../../../tools/eslint/angular.config.mjs';

export default angularConfig;
