import { defineBackground } from 'wxt/utils/define-background';
import { registerHandlers } from '../background/handlers';
import { registerCommands } from '../background/commands';
import { acceptLifetimePorts } from '../background/lifetime';
import { registerNoteHandlers } from '../background/notes-handlers';
import { registerSiteHandlers } from '../background/site-handlers';
import { restoreSites, watchSitePermissions } from '../background/sites';
import { installQuotaHook } from '../background/test-quota';

export default defineBackground(() => {
  registerHandlers();
  registerCommands();
  acceptLifetimePorts();
  registerNoteHandlers();
  if (__HASHIYA_TEST__) installQuotaHook();
  registerSiteHandlers();
  // Site registrations follow permissions granted or revoked anywhere, and survive restarts.
  watchSitePermissions();
  void restoreSites().catch(() => {});
});
