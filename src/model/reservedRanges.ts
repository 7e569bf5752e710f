/**
 * IANA special-purpose IPv4 ranges that Azure rejects in workspace IP rules.
 * The one table of them: the YAML rules, the wizards and the emulator all read it.
 */
export interface ReservedRange {
  /** CIDR, canonical. */
  readonly cidr: string;
  /** What IANA reserves it for, shown in messages. */
  readonly purpose: string;
}

export const RESERVED_IPV4_RANGES: readonly ReservedRange[] = [
  { cidr: '0.0.0.0/8', purpose: '"this network"' },
  { cidr: '10.0.0.0/8', purpose: 'private network (RFC 1918)' },
  { cidr: '100.64.0.0/10', purpose: 'carrier-grade NAT shared space (RFC 6598)' },
  { cidr: '127.0.0.0/8', purpose: 'loopback' },
  { cidr: '169.254.0.0/16', purpose: 'link-local' },
  { cidr: '172.16.0.0/12', purpose: 'private network (RFC 1918)' },
  { cidr: '192.0.0.0/24', purpose: 'IETF protocol assignments' },
  { cidr: '192.0.2.0/24', purpose: 'documentation (TEST-NET-1)' },
  { cidr: '192.88.99.0/24', purpose: '6to4 relay anycast (deprecated)' },
  { cidr: '192.168.0.0/16', purpose: 'private network (RFC 1918)' },
  { cidr: '198.18.0.0/15', purpose: 'benchmarking' },
  { cidr: '198.51.100.0/24', purpose: 'documentation (TEST-NET-2)' },
  { cidr: '203.0.113.0/24', purpose: 'documentation (TEST-NET-3)' },
  { cidr: '224.0.0.0/4', purpose: 'multicast' },
  { cidr: '240.0.0.0/4', purpose: 'reserved for future use' },
  { cidr: '255.255.255.255/32', purpose: 'limited broadcast' },
];

/** Azure allows at most this many IP rules on a workspace. */
export const MAX_WORKSPACE_IP_RULES = 200;

/** Docker's default bridge network on compute instances: endpoint IPs inside it are unreachable from containers. */
export const DOCKER_BRIDGE_RANGE = '172.17.0.0/16';
