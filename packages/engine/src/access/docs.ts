/**
 * The roles and permissions table as Markdown, for the generated section of docs/access.md
 * (scripts/generate-docs.mjs writes it; a test checks the document holds exactly this).
 */
import {
  PERMISSION_DEFINITIONS,
  PERMISSIONS,
  PRINCIPAL_DEFINITIONS,
  platformAdministratorHolds,
  ROLE_DEFINITIONS,
  ROLES,
  standingHolds,
  type Permission,
} from './permissions.js';

const cell = (text: string) => text.replaceAll('|', '\\|');

/** The Markdown of the roles and of who holds each permission. */
export function permissionsMarkdown(): string {
  const platform = PRINCIPAL_DEFINITIONS.platformAdministrator;
  const key = PRINCIPAL_DEFINITIONS.apiKey;
  const lines: string[] = [
    '| who | label (fr / en) | standing | what they are |',
    '|---|---|---|---|',
    `| platform administrator | ${cell(platform.label.fr)} / ${cell(platform.label.en)} | \`${platform.standing}\` in every territory | ${cell(platform.description.en)} |`,
    ...ROLES.map((r) => {
      const d = ROLE_DEFINITIONS[r];
      return `| \`${r}\`${d.forActor ? ' (for one actor)' : ''} | ${cell(d.label.fr)} / ${cell(d.label.en)} | \`${d.standing}\` | ${cell(d.description.en)} |`;
    }),
    `| API key | ${cell(key.label.fr)} / ${cell(key.label.en)} | \`${key.standing}\` | ${cell(key.description.en)} |`,
    '',
    `| permission | what it allows | platform administrator | ${ROLES.map((r) => `\`${r}\``).join(' | ')} | API key |`,
    `|---|---|---|${ROLES.map(() => '---|').join('')}---|`,
    ...PERMISSIONS.map((p: Permission) => {
      const d = PERMISSION_DEFINITIONS[p];
      const mark = (held: boolean) => (held ? '✓' : '');
      const roles = ROLES.map((r) => mark(standingHolds(ROLE_DEFINITIONS[r].standing, p)));
      return `| \`${p}\` | ${cell(d.description.en)} | ${mark(platformAdministratorHolds(p))} | ${roles.join(' | ')} | ${mark(standingHolds(key.standing, p))} |`;
    }),
  ];
  return `${lines.join('\n')}\n`;
}
