/**
 * How a record's fields are stored in its table: one entry per field the repository writes, typed
 * against the engine's record (`XData`), so that a field added to a record is a compile error in
 * its repository until its columns are said. The column lists of INSERT and UPDATE statements, the
 * values of a row and the record read back from a row all come from that one mapping.
 */
import type { Period, Quantity } from '@boucles/engine';
import { iso } from '../../platform/db/sql.js';

/** How one field is stored: its columns, and how its value is written to them and read back. */
export interface FieldColumns<V, Row> {
  /** The table's columns the field is stored in, in the order `write` gives their values. */
  readonly columns: readonly (keyof Row & string)[];
  write(value: V): unknown[];
  /** For a field in one column: its value, without an array around it (what `write` gives, faster). */
  writeOne?(value: V): unknown;
  read(row: Row): V;
}

/** How each field a repository writes (D) is stored in the rows of its table (Row). */
export type ColumnMapping<D, Row> = { readonly [K in keyof D]-?: FieldColumns<D[K], Row> };

/** How each field of the record (R) that the repository does not write is read from a row. */
export type ReadOnlyFields<R, D, Row> = { readonly [K in Exclude<keyof R, keyof D>]-?: (row: Row) => R[K] };

/** Builders of `FieldColumns` over the rows of one table. */
export function columnsOf<Row>() {
  return {
    /** A field stored as it is, in one column. */
    same<K extends keyof Row & string>(column: K): FieldColumns<Row[K], Row> {
      return { columns: [column], write: (v) => [v], writeOne: (v) => v, read: (r) => r[column] };
    },
    /** A field stored as JSON, in one json or jsonb column. */
    json<K extends keyof Row & string>(column: K): FieldColumns<Row[K], Row> {
      return { columns: [column], write: (v) => [JSON.stringify(v)], writeOne: (v) => JSON.stringify(v), read: (r) => r[column] };
    },
    /** A field stored in several columns, or converted. */
    custom<V>(columns: readonly (keyof Row & string)[], write: (v: V) => unknown[], read: (r: Row) => V): FieldColumns<V, Row> {
      return { columns, write, read };
    },
  };
}

/** The columns of a quantity: its value, unit and period. */
export interface QuantityColumns {
  quantity_value: number | null;
  quantity_unit: string | null;
  quantity_period: Period | null;
}

/** A quantity that may be absent, stored in `quantity_value`, `quantity_unit` and `quantity_period`. */
export function optionalQuantity<Row extends QuantityColumns>(): FieldColumns<Quantity | null, Row> {
  return columnsOf<Row>().custom<Quantity | null>(
    ['quantity_value', 'quantity_unit', 'quantity_period'],
    (q) => [q?.value ?? null, q?.unit ?? null, q?.period ?? null],
    (r) =>
      r.quantity_value !== null && r.quantity_unit !== null && r.quantity_period !== null
        ? { value: r.quantity_value, unit: r.quantity_unit, period: r.quantity_period }
        : null,
  );
}

/** The columns every stored record has: its identity and timestamps. */
export interface StoredColumns {
  id: string;
  territory_id: string;
  created_at: Date;
  updated_at: Date;
}

/** How the identity and timestamps of a record are read. */
export function storedFields<Row extends StoredColumns>() {
  return {
    id: (r: Row) => r.id,
    territoryId: (r: Row) => r.territory_id,
    createdAt: (r: Row) => iso(r.created_at),
    updatedAt: (r: Row) => iso(r.updated_at),
  };
}

/** Leaves out the fields whose value is null or undefined. */
export function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as T;
}

/**
 * A table that stores one kind of record: the SQL column lists, the values of a row and the record
 * read back from a row, all from the record's mapping.
 */
export class RecordTable<R, D, Row> {
  /** The columns the repository writes, in the order of `values()`. */
  readonly columns: readonly string[];
  private readonly writers: readonly ((d: D, out: unknown[]) => void)[];
  private readonly readers: readonly [keyof R, (row: Row) => unknown][];

  /**
   * @param order the record's fields in the order a record is built (the engine's stored schema)
   * @param data how each field the repository writes is stored
   * @param readOnly how each other field (identity, timestamps, what the database derives or joins) is read
   */
  constructor(order: readonly (keyof R)[], data: ColumnMapping<D, Row>, readOnly: ReadOnlyFields<R, D, Row>) {
    const fields = Object.keys(data) as (keyof D)[];
    this.columns = fields.flatMap((f) => data[f].columns);
    // Imports write a row per record, hundreds of thousands at a time: each field's writer pushes its values.
    this.writers = fields.map((f) => {
      const { write, writeOne } = data[f];
      if (writeOne) return (d: D, out: unknown[]) => void out.push(writeOne(d[f]));
      return (d: D, out: unknown[]) => void out.push(...write(d[f]));
    });
    const others = readOnly as Readonly<Record<PropertyKey, (row: Row) => unknown>>;
    const mapping = data as Readonly<Record<PropertyKey, FieldColumns<unknown, Row>>>;
    this.readers = order.map((f) => {
      const reader = mapping[f]?.read ?? others[f];
      if (!reader) throw new Error(`no column for field ${String(f)}`);
      return [f, reader];
    });
  }

  /** The values of the columns, in the order of `columns`. */
  values(d: D): unknown[] {
    const out: unknown[] = [];
    for (const write of this.writers) write(d, out);
    return out;
  }

  /** The record stored in a row, its fields in the record's order. */
  read(row: Row): R {
    const out: Record<PropertyKey, unknown> = {};
    for (const [f, reader] of this.readers) out[f] = reader(row);
    return out as R;
  }

  /** `$first, $first+1, …`: the placeholders of the columns' values. */
  placeholders(first: number): string {
    return this.columns.map((_, i) => `$${first + i}`).join(', ');
  }

  /** `column = $first, …`: the assignments of an UPDATE. */
  assignments(first: number): string {
    return this.columns.map((c, i) => `${c} = $${first + i}`).join(', ');
  }
}
