/**
 * Renders the custom-DNS A records for people who run their own DNS: a hosts file, BIND zone snippets, or CSV for
 * whatever tool they import into. Only checked records (dnsRecordChecks.ts): a value from ARM never adds a line.
 */
import { leftOutLines, type CheckedDnsRecords } from './dnsRecordChecks';
import type { CustomDnsRecord } from './dnsRecords';
import { printable } from './printable';

const DEFAULT_TTL_SECONDS = 3600;

/** Comment lines: each header line and each left-out value on a line of its own, made printable. */
function commentLines(mark: string, checked: CheckedDnsRecords, header: string | undefined): string[] {
  const lines = [...(header ? header.split('\n') : []), ...leftOutLines(checked.leftOut)];
  return lines.map((line) => `${mark} ${printable(line)}`);
}

/** One `IP  name` line per record; names without an IP become comments so nothing is silently left out. */
export function renderHostsFile(checked: CheckedDnsRecords, header?: string): string {
  const { records } = checked;
  const lines = commentLines('#', checked, header);
  let width = 0;
  for (const record of records) width = Math.max(width, record.ipAddresses[0]?.length ?? 0);
  for (const record of records) {
    if (record.ipAddresses.length === 0) {
      lines.push(`# ${record.fqdn}: no private IP known; find it on the private endpoint's network interface`);
      continue;
    }
    // Several lines for one name would make resolvers rotate between them: keep the first IP only.
    const ip = record.ipAddresses[0] as string;
    lines.push(`${ip.padEnd(width)}  ${record.fqdn}`);
  }
  return `${lines.join('\n')}\n`;
}

export interface BindZoneOptions {
  readonly ttlSeconds?: number;
  /** Comment lines above the first zone. */
  readonly header?: string;
}

/**
 * One snippet per zone, records relative to `$ORIGIN`. An authoritative zone answers for every name under it, so
 * each snippet warns about that.
 */
export function renderBindZones(checked: CheckedDnsRecords, options: BindZoneOptions = {}): string {
  const ttl = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  const byZone = new Map<string, CustomDnsRecord[]>();
  for (const record of checked.records) {
    const zoneRecords = byZone.get(record.zone) ?? [];
    zoneRecords.push(record);
    byZone.set(record.zone, zoneRecords);
  }
  const header = commentLines(';', checked, options.header);
  const snippets: string[] = header.length > 0 ? [header.join('\n')] : [];
  for (const [zone, zoneRecords] of byZone) {
    const lines = [
      `; Zone ${zone}: while your server is authoritative for it, names under ${zone} that are not listed here`,
      '; do not resolve. Prefer a conditional forwarder to Azure DNS (168.63.129.16) when you can.',
      `$ORIGIN ${zone}.`,
      `$TTL ${ttl}`,
    ];
    for (const record of zoneRecords) {
      const owner = relativeOwner(record.fqdn, zone);
      if (record.ipAddresses.length === 0) {
        lines.push(`; ${owner}: no private IP known`);
      }
      for (const ip of record.ipAddresses) {
        lines.push(`${owner}\tIN\tA\t${ip}`);
      }
    }
    snippets.push(lines.join('\n'));
  }
  return `${snippets.join('\n\n')}\n`;
}

/** `fqdn,ipAddress,zone,purpose,workspace`, one row per IP. CSV has no comments: the caller reports `leftOut`. */
export function renderCsv(checked: CheckedDnsRecords): string {
  const rows = [['fqdn', 'ipAddress', 'zone', 'purpose', 'workspace']];
  for (const record of checked.records) {
    const ips = record.ipAddresses.length > 0 ? record.ipAddresses : [''];
    for (const ip of ips) {
      rows.push([record.fqdn, ip, record.zone, record.purpose, record.workspaceName]);
    }
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function relativeOwner(fqdn: string, zone: string): string {
  return fqdn === zone ? '@' : fqdn.slice(0, -zone.length - 1);
}

/**
 * RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula. Printable first: a workspace
 * name from ARM keeps its row on one line for tools that read CSV a line at a time.
 */
function csvField(value: string): string {
  const text = printable(value);
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
