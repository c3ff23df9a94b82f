import { Routes } from '@angular/router';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import {
  CaretDownOutline,
  CaretRightOutline,
  PlusOutline,
  SearchOutline,
} from '@ant-design/icons-angular/icons';

/** 区划与单位: the region tree in scope, units and aliases, successions with dates. */
export const REGISTRY_ROUTES: Routes = [
  {
    path: '',
    providers: [
      provideNzIconsPatch([CaretDownOutline, CaretRightOutline, PlusOutline, SearchOutline]),
    ],
    loadComponent: () => import('./registry.page').then((m) => m.RegistryPage),
  },
];
