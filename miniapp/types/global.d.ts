/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.scss';

/** Build-time constants, see config/index.ts. Absent under jest. */
declare const API_BASE: string;
declare const SUBSCRIBE_TEMPLATE_IDS: string[];

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5' | string;
    TARO_APP_ID?: string;
  }
}
