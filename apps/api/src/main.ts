import './threadpool';
import 'reflect-metadata';
import { loadConfig } from '@keyward/shared/server';
import { rebuildReadModels } from './rebuild-read-models';
import { rotateAuditKey } from './rotate-audit-key';
import { serve } from './serve';

const USAGE = `Usage: node dist/apps/api/main.js [serve | demo | rebuild-read-models | rotate-audit-key <domain>]`;

async function main(command = 'serve'): Promise<void> {
  const config = loadConfig();
  switch (command) {
    case 'serve':
      await serve(config);
      return;
    case 'demo':
      await serve(config, { withDemoData: true });
      return;
    case 'rebuild-read-models':
      await rebuildReadModels(config);
      return;
    case 'rotate-audit-key':
      rotateAuditKey(config, process.argv[3]);
      return;
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
