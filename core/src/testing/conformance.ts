/** The conformance suite itself: one contract, every connector (style.md #3). */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type {
  CheckResult,
  ConnectorContext,
  ConnectorV1,
  ReadRequest,
  Row,
  StreamDefinition,
} from '../spec/index.ts';
import {
  createTestContext,
  DEFAULT_TEST_NOW,
  type ContextOverrides,
  type TestContextOptions,
} from './context.ts';
import {
  CONNECTION,
  openConformanceWorkspace,
  repeatedKeys,
  tableFingerprint,
  type ConformanceWorkspace,
} from './host.ts';
import { collectRead } from './read.ts';
import { addDays, isoDate, valueFitsType } from './values.ts';

/** A value, or a function giving it when a test runs (after `beforeAll` started a fake server). */
export type Lazy<T> = T | (() => T);

export interface ConformanceOptions<Schema extends z.ZodType> {
  /**
   * A folder copied into the temp workspace's `imports/` before host-backed syncs (the files
   * connector's fixtures).
   */
  imports?: Lazy<string>;
  /** Names the suite (default the connector's id). */
  name?: string;
  /** A config that works (the input form: defaults may be left out). */
  config: Lazy<z.input<Schema>>;
  /** A config with bad settings: `check` must return `{ ok: false }`, not throw. */
  badConfig?: Lazy<z.input<Schema>>;
  /** A config with refused credentials: `check` must return `{ ok: false, kind: 'auth' }`. */
  badCredentials?: Lazy<z.input<Schema>>;
  /**
   * Changes the source's data for one day (a fake server restating conversions): a re-sync must
   * then replace that day's rows, not add to them. Needs the host (`sync` not false).
   */
  restate?: (day: string) => void | Promise<void>;
  /** The window read from cursor streams (default: the 14 days before `now`). */
  window?: { start: string; end: string };
  /** The clock of every test context (default `DEFAULT_TEST_NOW`). */
  now?: Date;
  /**
   * Context capabilities per test (a fake server's `fetch`, `files`); may set up state. Through
   * the host, they fill in what the host's context lacks (the host's own `fetch` stays).
   */
  context?: () => ContextOverrides | Promise<ContextOverrides>;
  /** Streams to check (default: the declared ones plus `discover`'s). */
  streams?: string[];
  /** Streams that may read no rows in the window (default: none may). */
  mayBeEmpty?: string[];
  /** How long a read may keep going once its signal is aborted (default 2 s). */
  abortWithinMs?: number;
  /**
   * Sync through the real `SyncHost` on a temp workspace (default on): re-syncing the window
   * changes nothing; with `restatedConfig` (a config whose source data differs in the window) a
   * second sync replaces the window's rows rather than adding to them. `false` for a connector
   * that needs a capability the host does not offer yet.
   */
  sync?: false | { restatedConfig?: Lazy<z.input<Schema>> };
}

/**
 * Registers the conformance tests for a connector in the calling test file: a valid v1
 * declaration, `check` that answers (never throws) with good and bad config and with the network
 * down, and per stream: rows that match the declared columns and types, unique primary keys,
 * cursor values inside the requested window and advancing with it, the same window read twice
 * giving the same rows, a read resumed from a checkpoint that neither repeats nor skips rows, and
 * a read that stops promptly once aborted. Through the real host: re-syncing a window changes
 * nothing, and a restated day (or config) replaces rows rather than adding to them.
 */
export function runConnectorConformance<Schema extends z.ZodType, Credentials = undefined>(
  connector: ConnectorV1<Schema, Credentials>,
  options: ConformanceOptions<Schema>,
): void {
  type Config = z.output<Schema>;
  const now = options.now ?? DEFAULT_TEST_NOW;
  const yesterday = addDays(now.toISOString().slice(0, 10), -1);
  const window = options.window ?? { start: addDays(yesterday, -13), end: yesterday };
  const abortWithinMs = options.abortWithinMs ?? 2_000;

  const valueOfText = (input: Lazy<string>): string =>
    typeof input === 'function' ? input() : input;
  const valueOf = (input: Lazy<z.input<Schema>>): z.input<Schema> =>
    typeof input === 'function' ? (input as () => z.input<Schema>)() : input;

  async function contextFor(
    input: Lazy<z.input<Schema>>,
    extra: TestContextOptions = {},
  ): Promise<ConnectorContext<Config, Credentials>> {
    const config = connector.config.parse(valueOf(input)) as Config;
    const overrides = { ...(await options.context?.()), ...extra.overrides };
    const context = createTestContext(config, { now, ...extra, overrides });
    const unresolved = { ...context, credentials: undefined };
    const credentials = connector.resolve ? await connector.resolve(config, unresolved) : undefined;
    return { ...context, credentials: credentials as Credentials };
  }

  async function streamsToCheck(): Promise<StreamDefinition[]> {
    const discovered = connector.discover
      ? await connector.discover(await contextFor(options.config))
      : [];
    const all = [...connector.streams, ...discovered];
    if (!options.streams) return all;
    return options.streams.map((name) => {
      const stream = all.find((candidate) => candidate.name === name);
      if (!stream) throw new Error(`${connector.id} has no stream "${name}"`);
      return stream;
    });
  }

  const requestFor = (stream: StreamDefinition, range = window): ReadRequest =>
    stream.cursor ? { window: range, fullRefresh: false } : { fullRefresh: true };

  const keyOf = (stream: StreamDefinition, row: Row): string =>
    JSON.stringify(stream.primaryKey.map((column) => normalize(row[column])));

  describe(`connector conformance: ${options.name ?? connector.id}`, () => {
    it('declares a valid v1 connector', () => {
      expect(connector.specificationVersion).toBe('v1');
      expect(connector.id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
      expect(connector.name.length).toBeGreaterThan(0);
      expect(connector.version).toMatch(/^\d+\.\d+\.\d+/);
      const names = connector.streams.map((stream) => stream.name);
      expect(new Set(names).size, 'stream names are unique').toBe(names.length);
      for (const stream of connector.streams) assertStreamDefinition(stream);
    });

    it('accepts the working config and rejects nothing it was given', () => {
      const parsed = connector.config.safeParse(valueOf(options.config));
      expect(parsed.success, parsed.error?.message).toBe(true);
    });

    it('check answers ok with the working config', async () => {
      const result = await connector.check(await contextFor(options.config));
      expect(result).toMatchObject({ ok: true });
    });

    const badConfig = options.badConfig;
    it.skipIf(badConfig === undefined)('check never throws on a bad config', async () => {
      if (badConfig === undefined) return;
      const parsed = connector.config.safeParse(valueOf(badConfig));
      // A config the schema already refuses never reaches `check`: that is a pass too.
      if (!parsed.success) return;
      assertFailedCheck(await connector.check(await contextFor(badConfig)));
    });

    const badCredentials = options.badCredentials;
    it.skipIf(badCredentials === undefined)(
      'check never throws on bad credentials: it answers auth',
      async () => {
        if (badCredentials === undefined) return;
        const result = await connector.check(await contextFor(badCredentials));
        assertFailedCheck(result);
        expect(result).toMatchObject({ ok: false, kind: 'auth' });
      },
    );

    it('check never throws when the network is down', async () => {
      const down = (): Promise<Response> => Promise.reject(new TypeError('fetch failed'));
      const result = await connector.check(
        await contextFor(options.config, { overrides: { fetch: down } }),
      );
      // A connector that needs no network may still answer ok.
      if (!result.ok) assertFailedCheck(result);
    });

    it('every stream to check exists and is well declared', async () => {
      const streams = await streamsToCheck();
      expect(streams.length).toBeGreaterThan(0);
      for (const stream of streams) assertStreamDefinition(stream);
    });

    describe('per stream', () => {
      it('rows match the declared columns and types', async () => {
        for (const stream of await streamsToCheck()) {
          const { rows } = await collectRead(
            connector,
            await contextFor(options.config),
            stream,
            requestFor(stream),
          );
          if (!options.mayBeEmpty?.includes(stream.name)) {
            expect(
              rows.length,
              `${stream.name}: rows in ${JSON.stringify(window)}`,
            ).toBeGreaterThan(0);
          }
          const declared = new Set(stream.columns.map((column) => column.name));
          for (const [index, row] of rows.entries()) {
            for (const key of Object.keys(row)) {
              if (!declared.has(key)) {
                throw new Error(`${stream.name} row ${index}: column "${key}" is not declared`);
              }
            }
            for (const column of stream.columns) {
              const value = row[column.name];
              if (value === undefined) {
                throw new Error(`${stream.name} row ${index}: column "${column.name}" is missing`);
              }
              if (value === null && column.nullable === false) {
                throw new Error(`${stream.name} row ${index}: "${column.name}" is NOT NULL`);
              }
              if (!valueFitsType(column.type, value)) {
                throw new Error(
                  `${stream.name} row ${index}: "${column.name}" is ${column.type} but holds ${describeValue(value)}`,
                );
              }
            }
          }
        }
      });

      it('primary keys are unique', async () => {
        for (const stream of await streamsToCheck()) {
          if (stream.primaryKey.length === 0) continue;
          const { rows } = await collectRead(
            connector,
            await contextFor(options.config),
            stream,
            requestFor(stream),
          );
          const seen = new Set<string>();
          for (const row of rows) {
            const key = keyOf(stream, row);
            if (seen.has(key)) {
              throw new Error(
                `${stream.name}: primary key (${stream.primaryKey.join(', ')}) = ${key} repeats`,
              );
            }
            seen.add(key);
          }
        }
      });

      it('cursors advance: each window reads only its own days, later windows later days', async () => {
        const days = Math.round((Date.parse(window.end) - Date.parse(window.start)) / 86_400_000);
        const middle = addDays(window.start, Math.floor(days / 2));
        for (const stream of await streamsToCheck()) {
          if (!stream.cursor) continue;
          const field = stream.cursor.field;
          const cursors = async (range: { start: string; end: string }): Promise<string[]> => {
            const { rows } = await collectRead(
              connector,
              await contextFor(options.config),
              stream,
              requestFor(stream, range),
            );
            return rows.map((row) => {
              const day = isoDate(row[field] ?? null);
              if (!day || day < range.start || day > range.end) {
                throw new Error(
                  `${stream.name}: ${field} = ${String(day)} is outside the window ${range.start}..${range.end}`,
                );
              }
              return day;
            });
          };
          const first = await cursors({ start: window.start, end: middle });
          const second = await cursors({ start: addDays(middle, 1), end: window.end });
          if (first.length > 0 && second.length > 0) {
            const lastOfFirst = first.reduce((a, b) => (a > b ? a : b));
            const firstOfSecond = second.reduce((a, b) => (a < b ? a : b));
            expect(
              firstOfSecond > lastOfFirst,
              `${stream.name}: the later window starts at ${firstOfSecond}, after ${lastOfFirst}`,
            ).toBe(true);
          }
        }
      });

      it('the same window read twice gives the same rows', async () => {
        for (const stream of await streamsToCheck()) {
          const read = async (): Promise<string[]> => {
            const { rows } = await collectRead(
              connector,
              await contextFor(options.config),
              stream,
              requestFor(stream),
            );
            return rows
              .map((row) => JSON.stringify(stream.columns.map((c) => normalize(row[c.name]))))
              .sort();
          };
          expect(await read(), stream.name).toEqual(await read());
        }
      });

      it('a read resumed from a checkpoint neither repeats nor skips rows', async () => {
        for (const stream of await streamsToCheck()) {
          const request = requestFor(stream);
          const full = await collectRead(
            connector,
            await contextFor(options.config),
            stream,
            request,
          );
          const checkpoints = full.messages.filter(
            (message) => message.type === 'state-checkpoint',
          );
          // Resume from the middle checkpoint: what came before it is kept, the rest re-read.
          const checkpoint = checkpoints[Math.floor((checkpoints.length - 1) / 2)];
          if (!checkpoint) continue;
          const before: Row[] = [];
          for (const message of full.messages) {
            if (message === checkpoint) break;
            if (message.type === 'record-batch') before.push(...message.rows);
          }
          const resumed = await collectRead(connector, await contextFor(options.config), stream, {
            ...request,
            state: checkpoint.state,
          });
          const rowText = (row: Row) =>
            JSON.stringify(stream.columns.map((column) => normalize(row[column.name])));
          expect(
            [...before, ...resumed.rows].map(rowText).sort(),
            `${stream.name}: rows before the checkpoint plus the resumed read`,
          ).toEqual(full.rows.map(rowText).sort());
        }
      });
    });

    if (options.sync !== false) {
      const restatedConfig = options.sync?.restatedConfig;
      const withWorkspace = async (
        body: (workspace: ConformanceWorkspace) => Promise<void>,
      ): Promise<void> => {
        const workspace = await openConformanceWorkspace(connector as never, {
          config: valueOf(options.config),
          now,
          ...(options.context ? { extras: options.context } : {}),
          ...(options.imports ? { imports: valueOfText(options.imports) } : {}),
        });
        try {
          await body(workspace);
        } finally {
          await workspace.cleanup();
        }
      };

      describe('through the sync host', () => {
        it('re-syncing the same window changes nothing', () =>
          withWorkspace(async (workspace) => {
            const streams = await streamsToCheck();
            await workspace.sync(window.start);
            const before = await Promise.all(streams.map((s) => tableFingerprint(workspace, s)));
            await workspace.sync(window.start);
            const after = await Promise.all(streams.map((s) => tableFingerprint(workspace, s)));
            expect(after).toEqual(before);
            for (const stream of streams) {
              expect(
                await repeatedKeys(workspace, stream),
                `${stream.name}: repeated keys`,
              ).toEqual([]);
            }
          }));

        it.skipIf(!restatedConfig)('a restated day is replaced, not added to', () =>
          withWorkspace(async (workspace) => {
            if (restatedConfig === undefined) return;
            const streams = await streamsToCheck();
            await workspace.sync(window.start);
            await workspace.host.addConnection({
              name: CONNECTION,
              plugin: connector.id,
              config: valueOf(restatedConfig) as Record<string, unknown>,
            });
            await workspace.sync(window.start);
            const synced = { start: window.start, end: now.toISOString().slice(0, 10) };
            for (const stream of streams) {
              const expected = await collectRead(
                connector,
                await contextFor(restatedConfig),
                stream,
                requestFor(stream, synced),
              );
              const fingerprint = await tableFingerprint(workspace, stream, synced);
              const [count] = JSON.parse(fingerprint) as [string];
              expect(Number(count), `${stream.name}: rows after the restatement`).toBe(
                expected.rows.length,
              );
              expect(
                await repeatedKeys(workspace, stream),
                `${stream.name}: repeated keys`,
              ).toEqual([]);
            }
          }),
        );

        const restate = options.restate;
        it.skipIf(!restate)('a day the source restates is replaced on the next sync', () =>
          withWorkspace(async (workspace) => {
            if (!restate) return;
            const day = window.end;
            const only = { start: day, end: day };
            const streams = (await streamsToCheck()).filter((stream) => stream.cursor);
            // Streams re-read whole each sync have no day to restate.
            if (streams.length === 0) return;
            await workspace.sync(window.start);
            const before = await Promise.all(
              streams.map((stream) => tableFingerprint(workspace, stream, only)),
            );
            await restate(day);
            await workspace.sync(window.start);
            const after: string[] = [];
            for (const stream of streams) {
              const fresh = await collectRead(
                connector,
                await contextFor(options.config),
                stream,
                requestFor(stream, only),
              );
              const fingerprint = await tableFingerprint(workspace, stream, only);
              after.push(fingerprint);
              const [count] = JSON.parse(fingerprint) as [string];
              expect(Number(count), `${stream.name}: rows of ${day} after the restatement`).toBe(
                fresh.rows.length,
              );
              expect(
                await repeatedKeys(workspace, stream),
                `${stream.name}: repeated keys`,
              ).toEqual([]);
            }
            expect(after, `the rows of ${day} changed`).not.toEqual(before);
          }),
        );
      });
    }

    it('a read stops promptly once its signal is aborted', async () => {
      const streams = await streamsToCheck();
      const stream = streams.find((candidate) => candidate.cursor) ?? streams[0];
      if (!stream) return;
      const controller = new AbortController();
      const context = await contextFor(options.config, { signal: controller.signal });
      const iterator = connector.read(context, stream, requestFor(stream))[Symbol.asyncIterator]();
      const first = await iterator.next();
      if (first.done) return;
      controller.abort(new DOMException('The sync was cancelled.', 'AbortError'));
      const started = Date.now();
      let after = 0;
      try {
        while (!(await iterator.next()).done) {
          after += 1;
          if (Date.now() - started > abortWithinMs) break;
        }
      } catch {
        // Throwing the signal's reason (or any error) is a prompt stop.
      }
      expect(Date.now() - started, 'ms read after abort').toBeLessThanOrEqual(abortWithinMs);
      expect(after, 'messages yielded after abort').toBeLessThanOrEqual(1);
      await iterator.return?.();
    });
  });
}

function assertStreamDefinition(stream: StreamDefinition): void {
  expect(stream.name, 'stream name').toMatch(/^[a-z][a-z0-9_]*$/);
  for (const column of stream.columns) {
    expect(column.name, `${stream.name}: column names are snake_case`).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(column.name.startsWith('_baton'), `${stream.name}: _baton is the host's prefix`).toBe(
      false,
    );
  }
  const columns = new Map(stream.columns.map((column) => [column.name, column]));
  expect(columns.size, `${stream.name}: column names are unique`).toBe(stream.columns.length);
  for (const key of stream.primaryKey) {
    expect(columns.has(key), `${stream.name}: primary key column ${key} is declared`).toBe(true);
  }
  if (stream.writeMode === 'merge') {
    expect(stream.primaryKey.length, `${stream.name}: merge needs a primary key`).toBeGreaterThan(
      0,
    );
  }
  if (stream.writeMode === 'replace-window') {
    expect(stream.cursor, `${stream.name}: replace-window needs a cursor`).toBeDefined();
  }
  if (stream.cursor) {
    const field = columns.get(stream.cursor.field);
    expect(field?.type, `${stream.name}: cursor ${stream.cursor.field} is a DATE column`).toBe(
      'DATE',
    );
    expect(stream.cursor.lookbackDays).toBeGreaterThanOrEqual(0);
  }
}

function assertFailedCheck(result: CheckResult): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(['config', 'auth', 'network']).toContain(result.kind);
  expect(result.reason.length, 'a reason').toBeGreaterThan(0);
  expect(result.hint.length, 'a hint that says what to do').toBeGreaterThan(0);
}

function normalize(value: Row[string] | undefined): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  return value;
}

function describeValue(value: Row[string]): string {
  if (value instanceof Date) return `Date ${value.toISOString()}`;
  return `${typeof value} ${JSON.stringify(typeof value === 'bigint' ? value.toString() : value)}`;
}
