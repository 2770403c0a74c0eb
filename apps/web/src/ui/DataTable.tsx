/**
 * A table of records: a caption that names it, a header per column (`<th scope="col">`), one row
 * per record whose naming cell is a row header (`<th scope="row">`), figures aligned right. When
 * there is no record, a sentence says so, and what to do next, instead of an empty table.
 *
 * A column may offer to sort the rows (`sort`): its header is then a button, and says which way
 * the rows are sorted (`aria-sort`). A wide table scrolls sideways inside its wrapper; with
 * `region`, the wrapper is named by the caption and takes the keyboard's focus, so that it can be
 * scrolled without a mouse.
 */
import type { ComponentChildren, JSX, Ref } from 'preact';
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';

export interface Column<T> {
  /** The header's text (or content). */
  header: ComponentChildren;
  /** The header is read by screen readers only (a column of buttons). */
  hiddenHeader?: boolean;
  /** What the column shows of a record. */
  cell: (row: T, index: number) => ComponentChildren;
  /** The cell names its row: a row header. */
  rowHeader?: boolean;
  /** Figures: aligned right, in the header too. */
  numeric?: boolean;
  /** Classes of the column's cells. */
  class?: string;
  /** Offers to sort the rows by this column (ascending first). */
  sort?: (a: T, b: T) => number;
}

type Sorting = { column: number; descending: boolean } | null;

export function DataTable<T>({
  caption,
  captionId,
  columns,
  rows,
  rowKey,
  rowProps,
  rowAfter,
  empty,
  class: className,
  wrap,
  region,
  bodyRef,
  footer,
}: {
  caption: ComponentChildren;
  /** The caption's id (needed by `region`). */
  captionId?: string;
  /** The columns; `false` leaves one out (a column shown only in some cases). */
  columns: readonly (Column<T> | false)[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string | number;
  /** Attributes of a record's row (a class, data-* attributes). */
  rowProps?: (row: T) => JSX.HTMLAttributes<HTMLTableRowElement> & { [data: `data-${string}`]: string };
  /** What follows a record's row (a `<tr>` across the table for a form opened from it), if anything. */
  rowAfter?: (row: T) => ComponentChildren;
  /** Said instead of the table when there is no record: what that means and what to do next (a text goes in a paragraph). */
  empty?: ComponentChildren;
  /** The table's class. */
  class?: string;
  /** The class of the wrapper the table scrolls in; none: no wrapper. */
  wrap?: string;
  /** The wrapper is a region named by the caption, focusable to scroll it with the keyboard. */
  region?: boolean;
  bodyRef?: Ref<HTMLTableSectionElement>;
  /** Shown under the table, inside its wrapper (a button for more rows). */
  footer?: ComponentChildren;
}) {
  const [sorting, setSorting] = useState<Sorting>(null);
  const shown = columns.filter((c): c is Column<T> => c !== false);
  if (rows.length === 0 && empty !== undefined) return typeof empty === 'string' ? <p>{empty}</p> : <>{empty}</>;
  const sort = sorting ? shown[sorting.column]?.sort : undefined;
  const ordered = sort && sorting ? [...rows].sort((a, b) => (sorting.descending ? -sort(a, b) : sort(a, b))) : rows;
  const table = (
    <table class={className}>
      <caption id={captionId}>{caption}</caption>
      <thead>
        <tr>
          {shown.map((column, i) => {
            const header = column.hiddenHeader ? <span class="visually-hidden">{column.header}</span> : column.header;
            const current = sorting?.column === i ? sorting : null;
            return (
              <th
                key={i}
                scope="col"
                class={column.numeric ? 'number' : undefined}
                aria-sort={column.sort ? (current ? (current.descending ? 'descending' : 'ascending') : 'none') : undefined}
              >
                {column.sort ? (
                  <button
                    type="button"
                    class="data-table-sort"
                    onClick={() => setSorting({ column: i, descending: current ? !current.descending : false })}
                  >
                    {header}
                    <span aria-hidden="true">{current ? (current.descending ? ' ▼' : ' ▲') : ' ↕'}</span>
                  </button>
                ) : (
                  header
                )}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody ref={bodyRef}>
        {ordered.map((row, index) => (
          <Fragment key={rowKey(row, index)}>
            <tr {...rowProps?.(row)}>
              {shown.map((column, i) => {
                const classes = [column.numeric ? 'number' : '', column.class ?? ''].filter(Boolean).join(' ') || undefined;
                return column.rowHeader ? (
                  <th key={i} scope="row" class={classes}>
                    {column.cell(row, index)}
                  </th>
                ) : (
                  <td key={i} class={classes}>
                    {column.cell(row, index)}
                  </td>
                );
              })}
            </tr>
            {rowAfter?.(row)}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
  if (!wrap) {
    return (
      <>
        {table}
        {footer}
      </>
    );
  }
  return (
    <div class={wrap} {...(region ? { role: 'region', 'aria-labelledby': captionId, tabIndex: 0 } : {})}>
      {table}
      {footer}
    </div>
  );
}
