/**
 * `baton ai status|set|clear`: the AI provider of AI cells (docs/ai-models.md). The API key is
 * read from a pipe, a terminal (without echo) or the provider's environment variable, and stored
 * encrypted in the workspace; no command ever prints it.
 */
import { workspaceExists } from '@baton/core/store';
import {
  AI_KEY_VARIABLES,
  AI_PROVIDERS,
  AiSettingsError,
  clearAiSettings,
  readAiStatus,
  saveAiSettings,
  type AiProvider,
  type AiStatus,
} from '@baton/core/ai';
import {
  stringOption,
  UsageError,
  workspaceOption,
  type CliIO,
  type Command,
  type ParsedArgs,
} from '../args.ts';
import { ask } from '../prompt.ts';
import { workspaceDir } from '../workspace.ts';

const SUBCOMMANDS = ['status', 'set', 'clear'] as const;
const SET_OPTIONS = ['provider', 'model', 'base-url'];

export const aiCommand: Command = {
  name: 'ai',
  summary: 'Show, set or clear the AI provider of ask and recommendation cells',
  usage: `baton ai status|set|clear [--workspace DIR]

  baton ai status   the provider, model and base URL in effect, where each comes from, and
                    whether a key is stored (never the key)
  baton ai set --provider openai|anthropic|openai-compatible --model MODEL [--base-url URL]
                    saves them in baton.json; the API key is read from stdin when piped (or
                    asked for on a terminal, without echo), else from the provider's variable
                    (OPENAI_API_KEY, ANTHROPIC_API_KEY, BATON_AI_API_KEY), and stored encrypted
                    in the workspace
  baton ai clear    removes the settings and the stored key: the built-in engine answers

  Environment variables win over the workspace: BATON_AI_PROVIDER, BATON_AI_MODEL,
  BATON_AI_BASE_URL and the key variables.`,
  options: {
    ...workspaceOption,
    provider: { type: 'string' },
    model: { type: 'string' },
    'base-url': { type: 'string' },
  },
  async run(args, io) {
    const [name, ...extra] = args.positionals;
    if (!SUBCOMMANDS.includes(name as (typeof SUBCOMMANDS)[number]) || extra.length > 0) {
      throw new UsageError(
        name === undefined
          ? `Give a subcommand: ${SUBCOMMANDS.join(', ')}.`
          : `Unknown subcommand "${[name, ...extra].join(' ')}"; the subcommands are ${SUBCOMMANDS.join(', ')}.`,
        'Run `baton ai --help` for their options.',
      );
    }
    const dir = workspaceDir(args, io);
    if (name !== 'set') {
      const foreign = SET_OPTIONS.find((option) => args.values[option] !== undefined);
      if (foreign) throw new UsageError(`baton ai ${name} takes no --${foreign}.`);
    }
    if (name === 'status') return status(dir, io);
    if (!workspaceExists(dir)) {
      throw new UsageError(
        `No workspace at ${dir}.`,
        'Build the demo workspace with `baton demo`, or pass --workspace DIR (or set BATON_WORKSPACE).',
      );
    }
    if (name === 'clear') {
      await clearAiSettings(dir);
      io.stdout.write(
        `AI settings and the stored key removed: the built-in engine answers${io.env.BATON_AI_PROVIDER ? ' (but BATON_AI_PROVIDER is set in the environment)' : ''}.\n`,
      );
      return 0;
    }
    return set(dir, args, io);
  },
};

async function status(dir: string, io: CliIO): Promise<number> {
  const current: AiStatus = await readAiStatus({ workspaceDir: dir, env: io.env });
  const stored = current.storedKeyFor
    ? `stored encrypted in the workspace (for ${current.storedKeyFor})`
    : 'none stored in the workspace';
  const { settings } = current;
  if (current.problem) {
    io.stdout.write(`Stored key: ${stored}\n`);
    io.stderr.write(
      `The AI settings cannot be used: ${current.problem.message}\n${current.problem.hint ? `${current.problem.hint}\n` : ''}`,
    );
    return 1;
  }
  if (!settings) {
    io.stdout.write(
      `No AI provider configured: the built-in engine answers.\nStored key: ${stored}\nSet one with: baton ai set --provider openai --model gpt-5-mini (the key piped on stdin)\n`,
    );
    return 0;
  }
  const key = {
    environment: `from the environment (${AI_KEY_VARIABLES[settings.provider]} or BATON_AI_API_KEY)`,
    workspace: 'stored encrypted in the workspace',
    none: 'none (the server takes none)',
  }[settings.keySource];
  const lines = [
    ['provider', `${settings.provider} (${settings.sources.provider})`],
    ['model', `${settings.model} (${settings.sources.model})`],
    [
      'base URL',
      settings.baseUrl ? `${settings.baseUrl} (${settings.sources.baseUrl})` : 'the provider’s own',
    ],
    ['API key', key],
    ['stored key', current.storedKeyFor ? `yes, for ${current.storedKeyFor}` : 'no'],
  ];
  io.stdout.write(lines.map(([label, value]) => `${label!.padEnd(11)} ${value}\n`).join(''));
  return 0;
}

async function set(dir: string, args: ParsedArgs, io: CliIO): Promise<number> {
  const provider = stringOption(args, 'provider');
  const model = stringOption(args, 'model');
  if (!provider || !model) {
    throw new UsageError(
      `Give ${!provider ? `--provider (${AI_PROVIDERS.join(', ')})` : '--model'}.`,
      'Example: printf \'%s\' "$OPENAI_API_KEY" | baton ai set --provider openai --model gpt-5-mini',
    );
  }
  const known = AI_PROVIDERS.find((candidate) => candidate === provider.trim().toLowerCase());
  const apiKey = known ? await readKey(known, io) : undefined;
  let saved: Awaited<ReturnType<typeof saveAiSettings>>;
  try {
    saved = await saveAiSettings(
      dir,
      { provider, model, baseUrl: stringOption(args, 'base-url'), apiKey },
      { env: io.env },
    );
  } catch (error) {
    // A wrong flag is a usage error (exit code 2), with the settings' own explanation.
    if (error instanceof AiSettingsError) throw new UsageError(error.message, error.hint);
    throw error;
  }
  const { workspace } = saved;
  io.stdout.write(
    `AI provider set: ${workspace.provider}, model ${workspace.model}${workspace.base_url ? ` at ${workspace.base_url}` : ''}.\n`,
  );
  if (apiKey) io.stdout.write('API key stored encrypted in the workspace.\n');
  else if (workspace.provider !== 'openai-compatible') {
    io.stderr.write(
      `No API key stored: pipe it to this command, or set ${AI_KEY_VARIABLES[workspace.provider as AiProvider]} where Baton runs.\n`,
    );
  }
  return 0;
}

/** The key: piped on stdin, else asked on a terminal (no echo), else the provider's variable. */
async function readKey(provider: AiProvider, io: CliIO): Promise<string | undefined> {
  const stdin = io.stdin;
  if (stdin && !stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(Buffer.from(chunk as Buffer));
    const piped = Buffer.concat(chunks).toString('utf8').trim();
    if (piped) return piped;
  } else if (stdin) {
    const typed = await ask(
      `API key for ${provider} (empty to use ${AI_KEY_VARIABLES[provider]} or none): `,
      { secret: true },
      { ...io, stdin },
    );
    if (typed) return typed;
  }
  return io.env[AI_KEY_VARIABLES[provider]]?.trim() || io.env.BATON_AI_API_KEY?.trim() || undefined;
}
