import { defineBackground } from 'wxt/utils/define-background';
import { registerHandlers } from '../background/handlers';

export default defineBackground(() => {
  registerHandlers();
});
