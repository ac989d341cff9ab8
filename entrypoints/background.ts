import { defineBackground } from 'wxt/utils/define-background';
import { registerHandlers } from '../background/handlers';
import { registerCommands } from '../background/commands';

export default defineBackground(() => {
  registerHandlers();
  registerCommands();
});
