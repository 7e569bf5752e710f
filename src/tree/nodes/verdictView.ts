/** How a verdict looks: the one mapping from the assessment's verdict to an icon, used by every resource line. */
import type { VerdictKind } from '../../model/assessment';
import type { NodeIcon } from '../nodeView';

export const VERDICT_ICON: Readonly<Record<VerdictKind, NodeIcon>> = {
  private: { codicon: 'lock', tone: 'secure' },
  restricted: { codicon: 'shield', tone: 'warning' },
  public: { codicon: 'globe', tone: 'exposed' },
  broken: { codicon: 'error', tone: 'error' },
  unknown: { codicon: 'question', tone: 'warning' },
};

/** Before the first read completes: no verdict yet. */
export const CHECKING_ICON: NodeIcon = { codicon: 'loading~spin', tone: 'neutral' };
