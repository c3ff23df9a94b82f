import { bootstrapApplication } from '@angular/platform-browser';
import { loadRuntimeConfig } from '@efficacy/console/core';
import { appConfig } from './app/app.config';
import { App } from './app/app';

loadRuntimeConfig()
  .then((runtime) => bootstrapApplication(App, appConfig(runtime)))
  .catch((error: unknown) => {
    // Without config or Keycloak there is nothing to render; say why on the page itself.
    const message = error instanceof Error ? error.message : String(error);
    document.body.innerHTML = `<div style="padding:48px;font:15px/1.6 sans-serif"><h2>控制台无法启动 / The console could not start</h2><p>${message.replace(/[<>&]/g, '')}</p></div>`;
    console.error(error);
  });
