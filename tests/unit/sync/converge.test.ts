/**
 * Devices converge whatever the order of edits, pushes, pulls, lost answers and choices, and no
 * edit is lost or overwritten unseen (fast-check). Devices run the app's own sync engine and
 * rules over memory; the server is a model with the real server's rule (`decidePush`), small
 * pull pages, and answers that can be lost after the server applied the push. The same property
 * runs against the real server on PostgreSQL in `tests/unit/server/converge.test.ts`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordKey } from '../../../src/sync/core.ts';
import { syncOnce } from '../../../src/sync/engine.ts';
import { assessment, changeIds, ModelDevice, ModelServer } from './model.ts';
import { checkConverged, commandsArbitrary, History, QUESTIONS, settle, valuesHeld } from './property.ts';

const ASSESSMENT = 'shared-assessment';

describe('sync converges', () => {
  it('whatever the order of edits, pushes, pulls and lost answers, and nothing is overwritten unseen', async () => {
    await fc.assert(
      fc.asyncProperty(commandsArbitrary(3), async (commands) => {
        const server = new ModelServer(3);
        const devices = [0, 1, 2].map(() => new ModelDevice());
        const transports = devices.map(() => server.transport());
        const history = new History(devices.length);
        let clock = Date.parse('2026-01-01T00:00:00.000Z');
        const now = () => new Date((clock += 1000));
        const sync = async (index: number) => {
          const report = await syncOnce(devices[index]!, transports[index]!, { now, newId: changeIds }).catch(
            () => undefined,
          );
          history.saw(index, devices[index]!);
          return report;
        };

        // One device creates the assessment; everyone gets it.
        devices[0]!.data.set(recordKey({ kind: 'assessment', id: ASSESSMENT }), assessment(ASSESSMENT));
        for (const index of [0, 1, 2]) await sync(index);

        for (const command of commands) {
          const device = devices[command.device]!;
          if (command.kind === 'edit') {
            const question = QUESTIONS[command.question]!;
            const edit = () => {
              // The person types over what the device shows at that moment.
              history.saw(command.device, device);
              if (device.edit(ASSESSMENT, question, command.field, command.text, now()))
                history.wrote(command.device, question, command.field, command.text);
            };
            if (command.duringSync) transports[command.device]!.beforePull = edit;
            else edit();
          } else if (command.kind === 'resolve') {
            const key = [...device.conflicts.keys()][0];
            if (key) {
              device.resolve(key, command.keep, now());
              history.chose(command.device, device, key);
            }
          } else if (command.kind === 'loseAnswer') transports[command.device]!.loseNextAnswer = true;
          else if (await sync(command.device)) {
            // After a sync that went through, everything this device holds is on the server.
            const onServer = valuesHeld(
              [...server.records.values()].map((record) => record.value),
              server.kept,
            );
            for (const text of valuesHeld([...device.data.values()])) expect(onServer).toContain(text);
          }
        }
        await settle(devices, sync, now, (index, key) => history.chose(index, devices[index]!, key));
        checkConverged(devices, [...server.records.values()]);
        history.check([...server.records.values()]);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
