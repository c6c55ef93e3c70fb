// Issue 16: a timeline step's facts, for both UIs — names instead of ids, the terms' answer, a tag
// with its offset, a file's name, the time-out's reason, every type and fact worded in both languages.
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from './contracts/tickets.js';
import { TIMELINE_EN } from './i18n/timeline-en.js';
import { TIMELINE_ES } from './i18n/timeline-es.js';
import { describeStep, FACT_KEYS, formatOffset } from './timeline-steps.js';
import { TIMELINE_EVENT_TYPES } from './tickets.js';

const step = (over: Partial<TimelineEvent>): TimelineEvent => ({
  seq: 2,
  type: 'note',
  from: 'attending',
  to: 'attending',
  at: '2026-11-30T15:00:00.000Z',
  actor: { type: 'user', id: 8, name: 'Ana Restrepo' },
  details: {},
  ...over,
});

describe('describeStep (issue 16)', () => {
  it('says the facts of call steps by name, with the answer, offset, file name and reasons', () => {
    expect(describeStep(step({ type: 'terms_answered', details: { termsId: 'x', accepted: false } })).facts).toEqual([
      { key: 'termsRefused', params: {} },
    ]);
    expect(describeStep(step({ type: 'tag', details: { tagId: 3, offsetMs: 75_500, text: 'Firma' } })).facts).toEqual([
      { key: 'tag', params: { text: 'Firma', offset: '01:15' } },
    ]);
    expect(describeStep(step({ type: 'file', details: { fileId: 'f', name: 'cedula.pdf', size: 9 } })).facts).toEqual([
      { key: 'file', params: { name: 'cedula.pdf' } },
    ]);
    expect(describeStep(step({ type: 'video_joined', details: { role: 'guest', name: 'Luz' } })).facts).toEqual([
      { key: 'videoGuest', params: { name: 'Luz' } },
    ]);
    const timeout = describeStep(
      step({
        type: 'requeued',
        from: 'calling',
        to: 'waiting',
        actor: { type: 'system', id: null, name: 'system' },
        details: { reason: 'no_answer', noAnswerCount: 1 },
      }),
    );
    expect(timeout).toMatchObject({ to: 'waiting', actor: { machine: 'system' } });
    expect(timeout.facts).toEqual([{ key: 'noAnswer', params: { count: 1 } }]);
    const missed = describeStep(
      step({
        type: 'no_show',
        from: 'scheduled',
        to: 'no_show',
        actor: { type: 'system', id: null, name: 'system' },
        details: { reason: 'not_checked_in' },
      }),
    );
    expect(missed.facts).toEqual([{ key: 'notCheckedIn', params: {} }]);
  });

  it('issue 20: a survey answer says its score and whether she commented, never the text', () => {
    const said = (details: Record<string, unknown>) =>
      describeStep(step({ type: 'survey_answered', from: 'finished', to: 'finished', details })).facts;
    expect(said({ score: 2, comment: true })).toEqual([
      { key: 'surveyScore', params: { score: 2 } },
      { key: 'surveyComment', params: {} },
    ]);
    expect(said({ score: 5, comment: false })).toEqual([{ key: 'surveyScore', params: { score: 5 } }]);
  });

  it('never shows an id: a step whose names are missing says nothing rather than "Módulo #: 7"', () => {
    const called = describeStep(
      step({ type: 'called', from: 'waiting', to: 'calling', details: { deskId: 7, agentId: 8 } }),
    );
    expect(called.facts).toEqual([]);
    const named = describeStep(
      step({ type: 'called', details: { deskId: 7, agentId: 8 }, names: { deskId: 'Módulo 3', agentId: 'Ana' } }),
    );
    expect(named.facts.map((f) => f.params.name)).toEqual(['Módulo 3', 'Ana']);
  });

  it('has a word for every step type and fact in Spanish and English', () => {
    for (const texts of [TIMELINE_ES, TIMELINE_EN]) {
      expect(Object.keys(texts.step).sort()).toEqual([...TIMELINE_EVENT_TYPES].sort());
      expect(Object.keys(texts.fact).sort()).toEqual([...FACT_KEYS].sort());
    }
    expect(formatOffset(3_725_000)).toBe('1:02:05');
  });
});
