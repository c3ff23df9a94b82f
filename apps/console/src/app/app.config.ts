import {
  ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { provideAnimationsAsync } from '@angular/platform-browser/animations/async';
import {
  provideCharts,
  provideEfficacyConsole,
  type ConsoleRuntimeConfig,
} from '@efficacy/console/core';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import {
  AimOutline,
  AlertOutline,
  ApartmentOutline,
  ApiOutline,
  CloudUploadOutline,
  ClusterOutline,
  DashboardOutline,
  DownloadOutline,
  EditOutline,
  EyeOutline,
  FileExcelOutline,
  GlobalOutline,
  HomeOutline,
  InboxOutline,
  LogoutOutline,
  PlusOutline,
  QuestionCircleOutline,
  ReloadOutline,
  RollbackOutline,
  UploadOutline,
  UserOutline,
} from '@ant-design/icons-angular/icons';
import { appRoutes } from './app.routes';

export function appConfig(runtime: ConsoleRuntimeConfig): ApplicationConfig {
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      provideZonelessChangeDetection(),
      provideAnimationsAsync(),
      provideRouter(appRoutes, withComponentInputBinding()),
      provideNzIcons([
        AimOutline,
        AlertOutline,
        ApartmentOutline,
        ApiOutline,
        CloudUploadOutline,
        ClusterOutline,
        DashboardOutline,
        DownloadOutline,
        EditOutline,
        EditOutline,
        EyeOutline,
        FileExcelOutline,
        FileExcelOutline,
        GlobalOutline,
        HomeOutline,
        InboxOutline,
        LogoutOutline,
        PlusOutline,
        PlusOutline,
        QuestionCircleOutline,
        QuestionCircleOutline,
        ReloadOutline,
        RollbackOutline,
        UploadOutline,
        UserOutline,
      ]),
      ...provideEfficacyConsole(runtime),
      provideCharts(),
    ],
  };
}
