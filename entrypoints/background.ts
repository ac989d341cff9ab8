import { defineBackground } from 'wxt/utils/define-background';
import { registerHandlers } from '../background/handlers';
import { registerCommands } from '../background/commands';
import { registerNoteHandlers } from '../background/notes-handlers';
import { registerSiteHandlers } from '../background/site-handlers';

export default defineBackground(() => {
  registerHandlers();
  registerCommands();
  registerNoteHandlers();
  registerSiteHandlers();
});
