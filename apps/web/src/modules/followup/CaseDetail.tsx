import './followup.css';
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api/client.js';
import { casePath, changeCase } from './components/cases.js';
import { parseDecimal, formatDecimal } from '../../ui/form.js';
import { resourceLabel, useResources } from '../../api/reference.js';
import { Field, messageOf, Notice, NO_NOTICE, notice, type NoticeState } from '../../ui/fields.js';
import { estimatedFigure, IMPACT_FIELDS, verifiedBody, verifiedFigure, type ImpactField } from './components/impacts.js';
import { PartyName, partyText, personName, quantityText, statusLabel, StatusTag } from './components/parts.js';
import {
  ABANDON_REASONS,
  nextStatuses,
  SIDES,
  type AbandonReason,
  type Consent,
  type Side,
  type Status,
  type SynergyCase,
  type VerifiedImpacts,
} from './components/types.js';
import { Layout } from '../../app/Layout.js';
import { Status as LoadStatus } from '../../ui/Status.js';
import { useApi } from '../../api/query.js';
import { t, type MessageKey } from '../../app/i18n/index.js';
import { date, dateTime, MISSING, number, quantity } from '../../ui/format.js';
import { DataTable } from '../../ui/DataTable.js';
import { me, useOffer, type Offer } from '../../app/session.js';
import { territoryBase, useTerritory } from '../../app/territory.js';
import { familyLabel } from '../../ui/synergy-format.js';

type Patch = Partial<{
  status: Status;
  abandonReason: AbandonReason;
  abandonComment: string;
  ownerUserId: string | null;
  nextSteps: string | null;
  nextStepDue: string | null;
  notes: string | null;
  verifiedImpacts: VerifiedImpacts | null;
  comment: string;
}>;

interface Saver {
  save: (patch: Patch, done: string) => Promise<boolean>;
  busy: boolean;
}

/** Moves the case to another status; abandoning needs a reason. */
function StatusForm({ current, saver }: { current: SynergyCase; saver: Saver }) {
  const next = nextStatuses(current.status);
  const [status, setStatus] = useState<Status | ''>('');
  const [reason, setReason] = useState<AbandonReason | ''>('');
  const [abandonComment, setAbandonComment] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ status?: string; reason?: string; comment?: string }>({});

  if (next.length === 0) {
    return (
      <div class="followup-form">
        <h3 id="case-status-title">{t('case.status.title')}</h3>
        <p>{t('case.status.final')}</p>
      </div>
    );
  }

  async function onSubmit(e: Event) {
    e.preventDefault();
    const found: { status?: string; reason?: string; comment?: string } = {};
    if (!status) found.status = t('case.status.required');
    if (status === 'abandoned' && !reason) found.reason = t('case.abandon.required');
    if (status === 'abandoned' && reason === 'other' && !abandonComment.trim()) found.comment = t('case.abandon.commentRequired');
    setErrors(found);
    if (found.status) return document.getElementById('case-status')?.focus();
    if (found.reason) return document.getElementById(`case-reason-${ABANDON_REASONS[0]}`)?.focus();
    if (found.comment) return document.getElementById('case-abandon-comment')?.focus();
    if (!status) return;
    const patch: Patch = { status };
    if (status === 'abandoned' && reason) {
      patch.abandonReason = reason;
      if (abandonComment.trim()) patch.abandonComment = abandonComment.trim();
    }
    if (comment.trim()) patch.comment = comment.trim();
    const ok = await saver.save(patch, t('case.status.saved', { status: statusLabel(status) }));
    if (ok) {
      setStatus('');
      setReason('');
      setAbandonComment('');
      setComment('');
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate class="followup-form" aria-labelledby="case-status-title">
      <h3 id="case-status-title">{t('case.status.title')}</h3>
      <Field id="case-status" label={t('case.status.new')} error={errors.status}>
        {(c) => (
          <select {...c} value={status} onChange={(e) => setStatus(e.currentTarget.value as Status | '')}>
            <option value="">{t('case.status.choose')}</option>
            {next.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {status === 'abandoned' && (
        <>
          <fieldset class="followup-fieldset" aria-describedby={errors.reason ? 'case-reason-error' : undefined}>
            <legend>{t('case.abandon.reason')}</legend>
            {errors.reason && (
              <p id="case-reason-error" class="field-error">
                <span aria-hidden="true">⚠ </span>
                {errors.reason}
              </p>
            )}
            <div class="followup-radios">
              {ABANDON_REASONS.map((r) => (
                <div key={r} class="followup-radio">
                  <input
                    type="radio"
                    id={`case-reason-${r}`}
                    name="case-reason"
                    value={r}
                    checked={reason === r}
                    onChange={() => setReason(r)}
                  />
                  <label for={`case-reason-${r}`}>{t(`followup.reason.${r}`)}</label>
                </div>
              ))}
            </div>
          </fieldset>
          <Field
            id="case-abandon-comment"
            label={reason === 'other' ? t('case.abandon.commentOther') : t('case.abandon.comment')}
            error={errors.comment}
          >
            {(c) => <textarea {...c} rows={2} value={abandonComment} onInput={(e) => setAbandonComment(e.currentTarget.value)} />}
          </Field>
        </>
      )}
      {status === 'implemented' && <p class="field-hint">{t('case.status.implementedHint')}</p>}
      <Field id="case-comment" label={t('case.comment')} hint={t('case.comment.hint')}>
        {(c) => <textarea {...c} rows={2} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />}
      </Field>
      <div class="access-actions">
        <button type="submit" disabled={saver.busy}>
          {t('case.status.submit')}
        </button>
      </div>
    </form>
  );
}

interface Member {
  id: string;
  displayName: string;
}

/** Who follows the case, what comes next and by when, and notes. */
function SteeringForm({ current, saver, offer, code }: { current: SynergyCase; saver: Saver; offer: Offer; code: string }) {
  const user = me.value;
  // Only a territory's administrators may list its members; others can take the case themselves.
  const members = useApi<{ items: Member[] } | Member[]>(offer.manage ? `/api/territories/${encodeURIComponent(code)}/members` : null);
  const memberList = members.data === undefined ? undefined : Array.isArray(members.data) ? members.data : members.data.items;
  const ownerId = current.owner?.id ?? '';
  const [owner, setOwner] = useState(ownerId);
  const [nextSteps, setNextSteps] = useState(current.nextSteps ?? '');
  const [due, setDue] = useState(current.nextStepDue?.slice(0, 10) ?? '');
  const [notes, setNotes] = useState(current.notes ?? '');
  useEffect(() => {
    setOwner(current.owner?.id ?? '');
    setNextSteps(current.nextSteps ?? '');
    setDue(current.nextStepDue?.slice(0, 10) ?? '');
    setNotes(current.notes ?? '');
  }, [current]);

  async function onSubmit(e: Event) {
    e.preventDefault();
    const patch: Patch = { nextSteps: nextSteps.trim() || null, nextStepDue: due || null, notes: notes.trim() || null };
    if (owner !== ownerId) patch.ownerUserId = owner || null;
    await saver.save(patch, t('case.steering.saved'));
  }

  const ownerOptions: Member[] = memberList ?? [
    ...(user ? [{ id: user.id, displayName: user.displayName }] : []),
    ...(ownerId && ownerId !== user?.id ? [{ id: ownerId, displayName: personName(current.owner) }] : []),
  ];
  return (
    <form onSubmit={onSubmit} noValidate class="followup-form" aria-labelledby="case-steering-title">
      <h3 id="case-steering-title">{t('case.steering.title')}</h3>
      <Field id="case-owner" label={t('case.owner')} hint={memberList ? undefined : t('case.owner.hint')}>
        {(c) => (
          <select {...c} value={owner} onChange={(e) => setOwner(e.currentTarget.value)}>
            <option value="">{t('case.owner.none')}</option>
            {ownerOptions.map((m) => (
              <option key={m.id} value={m.id}>
                {m.id === user?.id ? t('case.owner.me', { name: m.displayName }) : m.displayName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="case-next-steps" label={t('case.nextSteps')}>
        {(c) => <textarea {...c} rows={3} value={nextSteps} onInput={(e) => setNextSteps(e.currentTarget.value)} />}
      </Field>
      <Field id="case-next-due" label={t('case.nextStepDue')}>
        {(c) => <input {...c} type="date" value={due} onInput={(e) => setDue(e.currentTarget.value)} />}
      </Field>
      <Field id="case-notes" label={t('case.notes')} hint={t('case.notes.hint')}>
        {(c) => <textarea {...c} rows={4} value={notes} onInput={(e) => setNotes(e.currentTarget.value)} />}
      </Field>
      <div class="access-actions">
        <button type="submit" disabled={saver.busy}>
          {t('case.steering.submit')}
        </button>
      </div>
    </form>
  );
}

const FIELD_UNITS: Record<ImpactField, MessageKey> = {
  tonnesDiverted: 'case.unit.tonnes',
  co2eAvoidedT: 'case.unit.co2',
  supplierSavingsEur: 'case.unit.eur',
  receiverSavingsEur: 'case.unit.eur',
  jobs: 'case.unit.jobs',
  waterM3: 'case.unit.water',
};

function figureText(n: number | null, field: ImpactField): string {
  return quantity(n, t(FIELD_UNITS[field]), field === 'jobs' ? 1 : Math.abs(n ?? 0) >= 100 ? 0 : 1);
}

/** The estimated impacts beside the verified ones. */
function ImpactsTable({ current }: { current: SynergyCase }) {
  const verified = current.verifiedImpacts;
  return (
    <>
      <table class="followup-impacts">
        <caption>{t('case.impacts.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('case.impacts.impact')}</th>
            <th scope="col" class="number">
              {t('case.impacts.estimated')}
            </th>
            <th scope="col" class="number">
              {t('case.impacts.verified')}
            </th>
          </tr>
        </thead>
        <tbody>
          {IMPACT_FIELDS.map((f) => (
            <tr key={f}>
              <th scope="row">{t(`case.impact.${f}`)}</th>
              <td class="number">{figureText(estimatedFigure(current.estimated, f), f)}</td>
              <td class="number">{figureText(verifiedFigure(verified, f), f)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {verified?.recordedAt && <p class="small muted">{t('case.impacts.recordedAt', { date: dateTime(verified.recordedAt) })}</p>}
      {verified?.comment && (
        <p>
          <strong>{t('case.impacts.comment')}</strong> {verified.comment}
        </p>
      )}
    </>
  );
}

function VerifiedForm({ current, saver }: { current: SynergyCase; saver: Saver }) {
  const initial = () =>
    Object.fromEntries(IMPACT_FIELDS.map((f) => [f, formatDecimal(verifiedFigure(current.verifiedImpacts, f))])) as Record<
      ImpactField,
      string
    >;
  const [values, setValues] = useState<Record<ImpactField, string>>(initial);
  const [comment, setComment] = useState(current.verifiedImpacts?.comment ?? '');
  const [errors, setErrors] = useState<Partial<Record<ImpactField, string>>>({});
  useEffect(() => {
    setValues(initial());
    setComment(current.verifiedImpacts?.comment ?? '');
  }, [current]);

  async function onSubmit(e: Event) {
    e.preventDefault();
    const found: Partial<Record<ImpactField, string>> = {};
    const figures: Partial<Record<ImpactField, number>> = {};
    for (const f of IMPACT_FIELDS) {
      const n = parseDecimal(values[f]);
      // Avoided emissions and savings may be negative (an exchange that costs or emits more); the others may not.
      const signed = f === 'co2eAvoidedT' || f === 'supplierSavingsEur' || f === 'receiverSavingsEur';
      if (n === undefined) continue;
      if (Number.isNaN(n) || (!signed && n < 0)) found[f] = signed ? t('case.verified.notANumberSigned') : t('case.verified.notANumber');
      else figures[f] = n;
    }
    setErrors(found);
    const wrong = IMPACT_FIELDS.find((f) => found[f]);
    if (wrong) return document.getElementById(`case-verified-${wrong}`)?.focus();
    await saver.save({ verifiedImpacts: verifiedBody(figures, comment) }, t('case.verified.saved'));
  }

  return (
    <form onSubmit={onSubmit} noValidate class="followup-form" aria-labelledby="case-verified-title">
      <h3 id="case-verified-title">{t('case.verified.title')}</h3>
      <p class="field-hint">{t('case.verified.intro')}</p>
      <div class="followup-grid">
        {IMPACT_FIELDS.map((f) => (
          <Field key={f} id={`case-verified-${f}`} label={`${t(`case.impact.${f}`)} (${t(FIELD_UNITS[f])})`} error={errors[f]}>
            {(c) => (
              <input
                {...c}
                type="text"
                inputMode="decimal"
                size={10}
                value={values[f]}
                onInput={(e) => setValues({ ...values, [f]: e.currentTarget.value })}
              />
            )}
          </Field>
        ))}
      </div>
      <Field id="case-verified-comment" label={t('case.verified.comment')} hint={t('case.verified.commentHint')}>
        {(c) => <textarea {...c} rows={2} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />}
      </Field>
      <div class="access-actions">
        <button type="submit" disabled={saver.busy}>
          {t('case.verified.submit')}
        </button>
      </div>
    </form>
  );
}

function consentOf(consents: readonly Consent[], side: Side): Consent | undefined {
  return consents.filter((c) => c.side === side).sort((a, b) => (b.consentedAt ?? '').localeCompare(a.consentedAt ?? ''))[0];
}

function consented(c: Consent | undefined): boolean {
  return !!c && !c.withdrawnAt;
}

/** Each side's consent to disclosing its name to the other, and the buttons of those who may change it. */
function Consents({
  current,
  code,
  offer,
  onChanged,
}: {
  current: SynergyCase;
  code: string;
  offer: Offer;
  onChanged: (message: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<NoticeState>(NO_NOTICE);
  const both = SIDES.every((s) => consented(consentOf(current.consents, s)));

  async function change(side: Side, give: boolean, own: boolean) {
    setBusy(true);
    try {
      await changeCase(
        code,
        current.id,
        give ? '/consent' : `/consent/${side}`,
        give ? { method: 'POST', body: JSON.stringify({ side }) } : { method: 'DELETE' },
      );
      const sideName = t(`followup.sideLower.${side}`);
      onChanged(
        give
          ? own
            ? t('case.consent.given')
            : t('case.consent.recorded', { side: sideName })
          : own
            ? t('case.consent.withdrawnMine')
            : t('case.consent.withdrawnFor', { side: sideName }),
      );
    } catch (e) {
      setProblem((p) => notice(p, 'error', t('common.error', { message: messageOf(e) })));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p>{t('case.consent.intro')}</p>
      <Notice {...problem} />
      <ul class="followup-consents">
        {SIDES.map((side) => {
          const party = current[side];
          const c = consentOf(current.consents, side);
          // A contributor speaks for its own side only (the server says which: `role`).
          const own = current.role === side;
          const yes = consented(c);
          return (
            <li key={side} class="followup-consent">
              <p>
                <strong>{t(`followup.side.${side}`)}</strong> — <PartyName party={party} />
                {own && <span class="tag">{t('case.consent.you')}</span>}
              </p>
              <p class={yes ? 'consent-yes' : 'consent-no'}>
                {yes
                  ? t('case.consent.yes', { date: dateTime(c?.consentedAt) })
                  : c?.withdrawnAt
                    ? t('case.consent.withdrawn', { date: dateTime(c.withdrawnAt) })
                    : t('case.consent.no')}
              </p>
              {(own || offer.facilitate) && (
                <button type="button" class={yes ? 'secondary' : ''} disabled={busy} onClick={() => void change(side, !yes, own)}>
                  {own
                    ? yes
                      ? t('case.consent.withdrawMine')
                      : t('case.consent.giveMine')
                    : yes
                      ? t('case.consent.withdrawFor', { side: t(`followup.sideLower.${side}`) })
                      : t('case.consent.recordFor', { side: t(`followup.sideLower.${side}`) })}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <p class={both ? 'alert alert-ok' : 'muted'}>{both ? t('case.consent.both') : t('case.consent.notBoth')}</p>
    </>
  );
}

/** The events of the case; comments and authors are the facilitators' (the server gives them to them only). */
function History({ current, full }: { current: SynergyCase; full: boolean }) {
  return (
    <DataTable
      caption={t('case.history.caption')}
      class="followup-history"
      rows={[...current.events].sort((a, b) => b.at.localeCompare(a.at))}
      rowKey={(e, i) => `${e.at}-${i}`}
      empty={t('case.history.none')}
      columns={[
        { header: t('case.history.at'), rowHeader: true, cell: (e) => dateTime(e.at) },
        {
          header: t('case.history.change'),
          cell: (e) =>
            e.fromStatus && e.fromStatus !== e.toStatus
              ? t('case.history.from', { from: statusLabel(e.fromStatus), to: statusLabel(e.toStatus) })
              : e.fromStatus === e.toStatus
                ? t('case.history.same', { status: statusLabel(e.toStatus) })
                : t('case.history.opened', { status: statusLabel(e.toStatus) }),
        },
        full && { header: t('case.history.comment'), cell: (e) => e.comment ?? '' },
        full && { header: t('case.history.by'), cell: (e) => personName(e.user) || MISSING },
      ]}
    />
  );
}

/** /t/:code/suivi/:caseId: one synergy in follow-up. */
export function CaseDetail({ code, caseId }: { code: string; caseId: string }) {
  const territory = useTerritory(code);
  const offer = useOffer(code);
  const base = territoryBase(code);
  const resources = useResources();
  // A change answers the case as it now is: the cache takes it (components/cases.ts), and the page shows it.
  const loaded = useApi<SynergyCase>(casePath(code, caseId));
  const [message, setMessage] = useState<NoticeState>(NO_NOTICE);
  const [busy, setBusy] = useState(false);

  const saver: Saver = {
    busy,
    async save(patch, done) {
      setBusy(true);
      try {
        await changeCase(code, caseId, '', { method: 'PATCH', body: JSON.stringify(patch) });
        setMessage((m) => notice(m, 'ok', done));
        return true;
      } catch (e) {
        setMessage((m) => notice(m, 'error', t('common.error', { message: messageOf(e) })));
        return false;
      } finally {
        setBusy(false);
      }
    },
  };

  const notFound = loaded.error instanceof ApiError && (loaded.error.status === 404 || loaded.error.status === 400);
  const c = loaded.data;
  const title = c
    ? t('case.title', { supplier: partyText(c.supplier), receiver: partyText(c.receiver) })
    : notFound
      ? t('case.notFound')
      : t('case.titleLoading');
  const resourceCode = c?.estimated.resourceCode ?? undefined;
  const family = c?.estimated.family;
  const verifiable = c && (c.status === 'being_implemented' || c.status === 'implemented');
  return (
    <Layout territory={territory.data} title={title}>
      <p>
        <a href={`${base}/suivi`}>
          <span aria-hidden="true">← </span>
          {t('case.back')}
        </a>
      </p>
      {notFound ? (
        <p class="alert alert-error" role="alert">
          {t('case.notFoundText')}
        </p>
      ) : (
        <LoadStatus state={loaded}>
          {() =>
            !c ? null : (
              <>
                <Notice {...message} class="case-message" />
                <section aria-labelledby="case-summary-title">
                  <h2 id="case-summary-title">{t('case.summary')}</h2>
                  <dl class="followup-facts">
                    <div>
                      <dt>{t('case.status')}</dt>
                      <dd>
                        <StatusTag status={c.status} />
                        {c.status === 'abandoned' && c.abandonReason && (
                          <span class="followup-block">
                            {t('case.abandonedFor', { reason: t(`followup.reason.${c.abandonReason}`) })}
                            {c.abandonComment ? ` — ${c.abandonComment}` : ''}
                          </span>
                        )}
                      </dd>
                    </div>
                    <div>
                      <dt>{t('followup.side.supplier')}</dt>
                      <dd>
                        <PartyName party={c.supplier} base={offer.facilitate ? base : undefined} />
                      </dd>
                    </div>
                    <div>
                      <dt>{t('followup.side.receiver')}</dt>
                      <dd>
                        <PartyName party={c.receiver} base={offer.facilitate ? base : undefined} />
                      </dd>
                    </div>
                    {resourceCode && (
                      <div>
                        <dt>{t('followup.col.resource')}</dt>
                        <dd>
                          {resourceLabel(resourceCode, resources)}
                          {family && <span class="followup-block small muted">{familyLabel(family)}</span>}
                        </dd>
                      </div>
                    )}
                    <div>
                      <dt>{t('followup.col.quantity')}</dt>
                      <dd>{quantityText(c.estimated.quantity)}</dd>
                    </div>
                    <div>
                      <dt>{t('followup.col.distance')}</dt>
                      <dd>{t('followup.km', { km: number(c.estimated.distanceKm, 1) })}</dd>
                    </div>
                    <div>
                      <dt>{t('case.owner')}</dt>
                      <dd>{personName(c.owner) || t('case.owner.none')}</dd>
                    </div>
                    {(offer.facilitate || c.nextSteps || c.nextStepDue) && (
                      <div>
                        <dt>{t('case.nextSteps')}</dt>
                        <dd>
                          {c.nextSteps || (offer.facilitate ? t('case.none') : '')}
                          {c.nextStepDue && <span class="followup-block">{t('case.dueBy', { date: date(c.nextStepDue) })}</span>}
                        </dd>
                      </div>
                    )}
                  </dl>
                  {offer.facilitate && (
                    <p class="small">
                      <a href={`${base}/synergies/${encodeURIComponent(c.synergyId)}`}>{t('case.seeSynergy')}</a>
                    </p>
                  )}
                </section>
                {offer.facilitate && (
                  <section aria-labelledby="case-work-title">
                    <h2 id="case-work-title">{t('case.work')}</h2>
                    <div class="followup-columns">
                      <StatusForm current={c} saver={saver} />
                      <SteeringForm current={c} saver={saver} offer={offer} code={code} />
                    </div>
                  </section>
                )}
                {c.notes && !offer.facilitate && (
                  <section aria-labelledby="case-notes-title">
                    <h2 id="case-notes-title">{t('case.notes')}</h2>
                    <p class="followup-notes">{c.notes}</p>
                  </section>
                )}
                <section aria-labelledby="case-impacts-title">
                  <h2 id="case-impacts-title">{t('case.impacts.title')}</h2>
                  <ImpactsTable current={c} />
                  {offer.facilitate && verifiable && <VerifiedForm current={c} saver={saver} />}
                  {offer.facilitate && !verifiable && <p class="muted">{t('case.verified.later')}</p>}
                </section>
                <section aria-labelledby="case-consent-title">
                  <h2 id="case-consent-title">{t('case.consent.title')}</h2>
                  <Consents current={c} code={code} offer={offer} onChanged={(text) => setMessage((m) => notice(m, 'ok', text))} />
                </section>
                <section aria-labelledby="case-history-title">
                  <h2 id="case-history-title">{t('case.history.title')}</h2>
                  <History current={c} full={offer.facilitate} />
                </section>
              </>
            )
          }
        </LoadStatus>
      )}
    </Layout>
  );
}
