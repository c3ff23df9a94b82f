import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});

// jsdom has no ResizeObserver; charts only need it to exist.
globalThis.ResizeObserver ??= class {
  observe(): void {
    /* nothing to observe in jsdom */
  }
  unobserve(): void {
    /* nothing to observe in jsdom */
  }
  disconnect(): void {
    /* nothing to observe in jsdom */
  }
};
