/** True in E2E test builds (HASHIYA_TEST_HOSTS=1), false in release builds: see wxt.config.ts. */
declare const __HASHIYA_TEST__: boolean;

/** The marks' stylesheet, written from components/theme.ts at build time (wxt.config.ts). */
declare module 'virtual:hashiya/marks.css';
