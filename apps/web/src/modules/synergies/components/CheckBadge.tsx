import { t } from '../../../app/i18n/index.js';
import type { CheckStatus } from './types.js';

/** A drawn icon for each check status; the status is always written next to it too. */
function Icon({ status }: { status: CheckStatus }) {
  const common = {
    width: 16,
    height: 16,
    viewBox: '0 0 16 16',
    'aria-hidden': 'true' as const,
    focusable: 'false' as const,
    class: 'check-icon',
  };
  switch (status) {
    case 'passed':
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="7.5" fill="currentColor" />
          <path d="M4.5 8.3l2.3 2.3 4.7-5" fill="none" stroke="#fff" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
      );
    case 'failed':
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="7.5" fill="currentColor" />
          <path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" stroke="#fff" stroke-width="1.8" stroke-linecap="round" />
        </svg>
      );
    case 'unknown':
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.6" />
          <path
            d="M6 6.2a2 2 0 1 1 2.8 1.8c-.5.3-.8.6-.8 1.2v.4"
            fill="none"
            stroke="currentColor"
            stroke-width="1.6"
            stroke-linecap="round"
          />
          <circle cx="8" cy="11.8" r="1" fill="currentColor" />
        </svg>
      );
    default:
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="7" fill="none" stroke="currentColor" stroke-width="1.6" />
          <path d="M4.8 8h6.4" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
        </svg>
      );
  }
}

/** A check's status: icon and text, coloured, so that colour is never the only cue. */
export function CheckBadge({ status }: { status: CheckStatus }) {
  return (
    <span class={`check-badge check-${status}`}>
      <Icon status={status} />
      {t(`synergies.checkStatus.${status}`)}
    </span>
  );
}
