/** True in E2E test builds (HASHIYA_TEST_HOSTS=1), false in release builds: see wxt.config.ts. */
declare const __HASHIYA_TEST__: boolean;
