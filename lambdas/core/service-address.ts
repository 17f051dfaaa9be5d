import type { AddressEntry, ReplylineConfig } from '../schemas/config.js';
import { localizedValue } from './reply-language.js';

/** The configured address a mail was sent to, and who owns it. */
export interface ServiceAddress {
  entry: AddressEntry;
  team: string;
  agent: string | undefined;
  /** Sub-address label (`support+label@…`), if any: thread addresses carry one. */
  label: string | undefined;
}

/** `support+abc@example.com` → `{ base: 'support@example.com', label: 'abc' }`. */
export function splitSubaddress(address: string): { base: string; label: string | undefined } {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  const local = lower.slice(0, at);
  const plus = local.indexOf('+');
  if (at <= 0 || plus < 0) return { base: lower, label: undefined };
  return { base: `${local.slice(0, plus)}${lower.slice(at)}`, label: address.trim().slice(plus + 1, at) };
}

/** Whether the address (or a subaddress of it) is one Replyline receives for. */
export function isServiceAddress(address: string, config: ReplylineConfig): boolean {
  const { base } = splitSubaddress(address);
  return config.addresses.some((entry) => entry.address === base);
}

/**
 * Finds which configured address the mail is for, preferring the envelope
 * recipients (what SES matched) in their order; undefined if none is ours.
 */
export function resolveServiceAddress(recipients: readonly string[], config: ReplylineConfig): ServiceAddress | undefined {
  for (const recipient of recipients) {
    const { base, label } = splitSubaddress(recipient);
    const entry = config.addresses.find((candidate) => candidate.address === base);
    if (!entry) continue;
    const agent = entry.agent;
    const team = agent ? config.agents[agent]!.team : entry.team!;
    return { entry, team, agent, label };
  }
  return undefined;
}

/** Display name for mail sent from a service address: the named person, else the team (in `language` when configured). */
export function senderNameFor(service: ServiceAddress, config: ReplylineConfig, language?: string): string {
  if (service.agent) return config.agents[service.agent]!.name;
  return teamNameFor(service.team, config, language);
}

/** The team's name as customers writing in `language` read it (`teams.<id>.languages`), else its name. */
export function teamNameFor(teamId: string, config: ReplylineConfig, language?: string): string {
  const team = config.teams[teamId]!;
  return (language ? localizedValue(mapValues(team.languages, (wording) => wording.name), language) : undefined) ?? team.name;
}

export function signatureFor(service: ServiceAddress, config: ReplylineConfig, language?: string): string {
  const teamName = teamNameFor(service.team, config, language);
  if (service.agent) return `${config.agents[service.agent]!.name}, ${teamName}`;
  const team = config.teams[service.team]!;
  const localized = language ? localizedValue(mapValues(team.languages, (wording) => wording.signature), language) : undefined;
  return localized ?? team.signature ?? teamName;
}

/** The defined values of a record, mapped (a language without that field is left out, so the next fallback applies). */
function mapValues<T, U>(record: Readonly<Record<string, T>>, pick: (value: T) => U | undefined): Record<string, U> {
  const out: Record<string, U> = {};
  for (const [key, value] of Object.entries(record)) {
    const picked = pick(value);
    if (picked !== undefined) out[key] = picked;
  }
  return out;
}
