import type { ReplylineConfig } from '../schemas/config.js';
import { domainOf } from './mail.js';

export interface Agent {
  /** Config id, when the person is configured; undefined for someone from an agent domain. */
  id: string | undefined;
  /** The name customers see on relayed replies. */
  name: string;
}

/** A configured person by one of their own mailboxes, or anyone writing from a staff domain. */
export function identifyAgent(address: string, displayName: string, config: ReplylineConfig): Agent | undefined {
  const lower = address.toLowerCase();
  for (const [id, agent] of Object.entries(config.agents)) {
    if (agent.mailboxes.includes(lower)) return { id, name: agent.name };
  }
  const domain = domainOf(lower);
  if (config.agentDomains.some((staff) => domain === staff || domain.endsWith(`.${staff}`))) {
    return { id: undefined, name: displayName.trim() || lower.slice(0, lower.indexOf('@')) };
  }
  return undefined;
}
