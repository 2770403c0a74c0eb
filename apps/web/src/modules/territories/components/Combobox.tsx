/**
 * A searchable picker following the WAI-ARIA "editable combobox with list autocomplete" pattern:
 * the text box keeps the focus, suggestions are a listbox pointed at by aria-activedescendant.
 * Keys: Down/Up move through the suggestions (and open them), Enter picks one, Escape closes them
 * (or clears the box when they are closed), Alt+Down opens, Alt+Up closes, Tab leaves.
 * A typed code that was not picked is kept as typed: the API says whether it exists.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../../app/i18n/index.js';
import type { ControlProps } from '../../../ui/form.js';

export interface Option {
  value: string;
  /** The code as people write it, when it differs from the value sent (`20 01 01*`). */
  code?: string | undefined;
  label: string;
  /** Shown after the label, e.g. "hazardous". */
  detail?: string | undefined;
  /** The label's language when it differs from the page's (NAF labels exist in French only). */
  lang?: string | undefined;
}

export function optionText(o: Option): string {
  return `${o.code ?? o.value} — ${o.label}`;
}

export function Combobox({
  control,
  labelId,
  value,
  onChange,
  search,
  class: className,
}: {
  control: ControlProps;
  /** The id of the field's label, which also names the listbox. */
  labelId: string;
  value: string | null;
  onChange: (value: string | null, option?: Option) => void;
  search: (q: string) => Promise<Option[]>;
  class?: string;
}) {
  const { id } = control;
  const listId = `${id}-listbox`;
  const [text, setText] = useState(value ?? '');
  const [options, setOptions] = useState<Option[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [searched, setSearched] = useState<string | null>(null);
  const committed = useRef<string | null>(value);
  const request = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // A value set from outside (the record being edited, a reset): show it, with its label when found.
  // A layout effect, run before the next keystroke is handled: a deferred one would compare a value
  // of the previous keystroke with the current one and put the old text back.
  useLayoutEffect(() => {
    if (value === committed.current) return;
    committed.current = value;
    setText(value ?? '');
    if (value) {
      const asked = value;
      search(value).then(
        (found) => {
          const match = found.find((o) => o.value === asked);
          if (match && committed.current === asked) setText(optionText(match));
        },
        () => undefined,
      );
    }
  }, [value]);

  // The first time: the label of the value given.
  useEffect(() => {
    if (!value) return;
    const asked = value;
    search(value).then(
      (found) => {
        const match = found.find((o) => o.value === asked);
        if (match && committed.current === asked) setText(optionText(match));
      },
      () => undefined,
    );
    return () => clearTimeout(timer.current);
  }, []);

  function run(q: string, then?: (found: Option[]) => void) {
    clearTimeout(timer.current);
    const n = ++request.current;
    timer.current = setTimeout(() => {
      search(q.trim()).then(
        (found) => {
          if (n !== request.current) return;
          setOptions(found);
          setSearched(q);
          setOpen(found.length > 0);
          setActive(-1);
          then?.(found);
        },
        () => {
          if (n === request.current) {
            setOptions([]);
            setOpen(false);
          }
        },
      );
    }, 150);
  }

  function pickOption(o: Option) {
    committed.current = o.value;
    setText(optionText(o));
    setOpen(false);
    setActive(-1);
    onChange(o.value, o);
  }

  function moveTo(i: number) {
    setActive(i);
    const o = options[i];
    if (o) document.getElementById(`${id}-opt-${i}`)?.scrollIntoView({ block: 'nearest' });
  }

  function onKeyDown(e: KeyboardEvent) {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (e.altKey) {
          if (!open) run(text);
        } else if (!open) {
          run(text, (found) => found.length > 0 && setActive(0));
        } else {
          moveTo(active + 1 >= options.length ? 0 : active + 1);
        }
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (e.altKey) setOpen(false);
        else if (!open) run(text, (found) => found.length > 0 && setActive(found.length - 1));
        else moveTo(active <= 0 ? options.length - 1 : active - 1);
        break;
      case 'Enter': {
        const o = open ? options[active] : undefined;
        if (o) {
          // Picks the suggestion instead of submitting the form.
          e.preventDefault();
          pickOption(o);
        }
        break;
      }
      case 'Escape':
        if (open) {
          e.preventDefault();
          setOpen(false);
          setActive(-1);
        } else if (text !== '') {
          e.preventDefault();
          setText('');
          committed.current = null;
          onChange(null);
        }
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  }

  const activeOption = open && active >= 0 ? options[active] : undefined;
  const noResult = searched !== null && !open && options.length === 0 && text.trim() !== '' && searched === text;
  return (
    <div class={`actors-combobox${className ? ` ${className}` : ''}`}>
      <input
        {...control}
        type="text"
        role="combobox"
        autoComplete="off"
        spellcheck={false}
        aria-autocomplete="list"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={listId}
        aria-activedescendant={activeOption ? `${id}-opt-${active}` : undefined}
        value={text}
        onInput={(e) => {
          const v = e.currentTarget.value;
          setText(v);
          const typed = v.trim() === '' ? null : v.trim();
          committed.current = typed;
          onChange(typed);
          run(v);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setActive(-1);
        }}
      />
      <ul id={listId} role="listbox" aria-labelledby={labelId} class="actors-listbox" hidden={!open}>
        {options.map((o, i) => (
          <li
            key={o.value}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active ? 'true' : 'false'}
            class={i === active ? 'actors-option actors-option-active' : 'actors-option'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pickOption(o)}
          >
            <span class="actors-option-code">{o.code ?? o.value}</span> <span lang={o.lang}>{o.label}</span>
            {o.detail && <span class="actors-option-detail"> · {o.detail}</span>}
          </li>
        ))}
      </ul>
      <p class="visually-hidden" role="status" aria-live="polite">
        {open
          ? options.length === 1
            ? t('actors.combobox.one')
            : t('actors.combobox.many', { n: options.length })
          : noResult
            ? t('actors.combobox.none')
            : ''}
      </p>
      {noResult && (
        <p class="actors-hint" aria-hidden="true">
          {t('actors.combobox.none')}
        </p>
      )}
    </div>
  );
}
