import { Column, ColumnOptions, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Column conventions in one place: 64-bit ids that travel as strings, millisecond UTC
 * times, and money as numbers. Entities use these instead of repeating the options.
 */
export const IdColumn = () => PrimaryGeneratedColumn({ type: 'bigint', unsigned: true });

export const RefColumn = (options: { nullable?: boolean } = {}) => Column({ type: 'bigint', unsigned: true, nullable: options.nullable ?? false });

export const TimeColumn = (options: { nullable?: boolean } = {}) => Column({ type: 'datetime', precision: 3, nullable: options.nullable ?? false });

export const CreatedAtColumn = () => Column({ type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' });

const decimalToNumber = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? null : Number(value)),
};

export const MoneyColumn = (options: { nullable?: boolean } = {}) =>
  Column({ type: 'decimal', precision: 10, scale: 2, nullable: options.nullable ?? false, transformer: decimalToNumber });

/** Encrypted personal data (see FieldCrypto): "<keyId>:<base64 iv|tag|ciphertext>". */
export const SecretColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 255, nullable: true, ...options });

/** Keyed hash (HMAC-SHA256 hex) of a secret value, for equality look-ups without decrypting. */
export const LookupHashColumn = () => Column({ type: 'char', length: 64, nullable: true });

/** What JSON detail columns hold: flat values, so TypeORM's insert typing accepts them. */
export type JsonRecord = Record<string, string | number | boolean | null | string[]>;
