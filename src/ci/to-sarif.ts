import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { sortedMessages } from '../format-messages.js';
import { severityOf } from '../messages.js';
import { toolVersion } from '../tool-version.js';

const levels = { error: 'error', warning: 'warning', info: 'note' } as const;

/**
 * Every message of `files` as a SARIF 2.1.0 log, for code-scanning tools: one run of ladders, one
 * result a message with its rule, level and place (paths relative to the working folder, the
 * repository's root in CI), and a second place, where a message has one, as a related location.
 */
export function toSarif(files: readonly VFile[]): object {
  const messages = sortedMessages(files);
  const rules = [...new Set(messages.map((message) => message.ruleId ?? 'ladders'))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ladders', version: toolVersion, rules: rules.map((id) => ({ id })) } },
        columnKind: 'unicodeCodePoints',
        results: messages.map((message) => {
          const ruleId = message.ruleId ?? 'ladders';
          const cause = isMessage(message.cause) ? message.cause : null;
          return {
            ruleId,
            ruleIndex: rules.indexOf(ruleId),
            level: levels[severityOf(message)],
            message: { text: message.reason },
            locations: [location(message)],
            ...(cause ? { relatedLocations: [{ id: 1, ...location(cause), message: { text: cause.reason } }] } : {}),
          };
        }),
      },
    ],
  };
}

function location(message: VFileMessage): object {
  return {
    physicalLocation: {
      artifactLocation: { uri: toUri(message.file ?? ''), uriBaseId: '%SRCROOT%' },
      region: { startLine: message.line ?? 1, startColumn: message.column ?? 1 },
    },
  };
}

/** A relative path as a URI reference: its segments percent-encoded, joined by `/`. */
function toUri(file: string): string {
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function isMessage(value: unknown): value is VFileMessage {
  return typeof value === 'object' && value !== null && 'reason' in value;
}
