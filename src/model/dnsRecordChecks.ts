/**
 * What a DNS export may write. Names and IPs come from ARM, and a hosts file or a BIND zone reads a newline, a ";", a
 * space or a quote in them as syntax: one more line, one more record. So every name must be a host name and every
 * IP an IPv4 address; what fails is left out of the file and listed at its top, never dropped silently.
 */
import * as ipaddr from 'ipaddr.js';
import type { CustomDnsRecord } from './dnsRecords';
import { printable } from './printable';

/** RFC 1035: at most 255 octets on the wire, so 253 characters written without the final dot. */
const MAX_HOST_NAME_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;

export interface LeftOutDnsValue {
  /** The name as ARM sent it, made printable. */
  readonly name: string;
  readonly reason: string;
}

declare const checked: unique symbol;

/** Records that passed `checkDnsRecords`; the renderers take nothing else. */
export interface CheckedDnsRecords {
  readonly records: readonly CustomDnsRecord[];
  readonly leftOut: readonly LeftOutDnsValue[];
  readonly [checked]: true;
}

/**
 * Why `name` is not an RFC 1123 host name, or undefined: labels of letters, digits and hyphens, 1 to 63 each, no
 * hyphen at either end, 253 characters in all. No wildcard and no underscore: no record we export needs one, and BIND
 * refuses a zone file with an underscore in an A record's name by default (`check-names master fail`).
 * Hand-written: the rule is these few lines, and validator.js's isFQDN would be a dependency for one function.
 */
export function hostNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'the name is empty';
  if (name.length > MAX_HOST_NAME_LENGTH) {
    return `the name has ${name.length} characters; a host name has at most ${MAX_HOST_NAME_LENGTH}`;
  }
  const character = /[^A-Za-z0-9.-]/.exec(name)?.[0];
  if (character !== undefined) {
    return `the name holds "${printable(character)}", which a host name cannot`;
  }
  for (const label of name.split('.')) {
    if (label.length === 0) return 'the name has an empty label (two periods in a row, or one at an end)';
    if (label.length > MAX_LABEL_LENGTH) {
      return `the label "${label}" has ${label.length} characters; a label has at most ${MAX_LABEL_LENGTH}`;
    }
    if (label.startsWith('-') || label.endsWith('-')) return `the label "${label}" starts or ends with a hyphen`;
  }
  return undefined;
}

/** Keeps each record whose name and zone are host names, with the IPs that are IPv4 addresses (A records). */
export function checkDnsRecords(records: readonly CustomDnsRecord[]): CheckedDnsRecords {
  const kept: CustomDnsRecord[] = [];
  const leftOut: LeftOutDnsValue[] = [];
  for (const record of records) {
    const name = printable(record.fqdn);
    const nameProblem = hostNameProblem(record.fqdn) ?? zoneProblem(record);
    if (nameProblem !== undefined) {
      leftOut.push({ name, reason: nameProblem });
      continue;
    }
    const ipAddresses = record.ipAddresses.filter((ip) => ipaddr.IPv4.isValidFourPartDecimal(ip));
    for (const ip of record.ipAddresses.filter((candidate) => !ipAddresses.includes(candidate))) {
      leftOut.push({ name, reason: `"${printable(ip)}" is not an IPv4 address` });
    }
    if (ipAddresses.length === 0 && record.ipAddresses.length > 0) continue;
    kept.push({ ...record, ipAddresses });
  }
  return { records: kept, leftOut } as unknown as CheckedDnsRecords;
}

function zoneProblem(record: CustomDnsRecord): string | undefined {
  const problem = hostNameProblem(record.zone);
  if (problem !== undefined) return `its zone: ${problem}`;
  if (record.fqdn !== record.zone && !record.fqdn.endsWith(`.${record.zone}`)) {
    return `the name is not under its zone ${record.zone}`;
  }
  return undefined;
}

/** The lines that say what was left out, for the top of a file; the caller puts its comment mark before each. */
export function leftOutLines(leftOut: readonly LeftOutDnsValue[]): string[] {
  if (leftOut.length === 0) return [];
  return [
    `Left out: ${leftOut.length} value(s) from Azure that are not valid here (check these resources in Azure):`,
    ...leftOut.map((value) => `  ${value.name}: ${value.reason}`),
  ];
}
