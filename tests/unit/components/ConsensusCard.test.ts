// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../../../src/assessment/types.ts';
import ConsensusCard from '../../../src/components/workshop/ConsensusCard.vue';
import type { ConsensusItem } from '../../../src/workshop/consensus.ts';
import type { Submission } from '../../../src/workshop/importer.ts';
import { mergeParticipants } from '../../../src/workshop/merge.ts';
import { answers, notApplicable, pillar, question, questionnaire, value } from '../builders.ts';
import { testI18n } from '../i18n.ts';

const q = questionnaire([pillar('strategy', [question({ id: 'exists', type: 'yesPartlyNo' })])]);
const exists = q.pillars[0]!.questions[0]!;

function participant(id: string, given: Answers): Submission {
  return {
    workshopId: 'w',
    participantId: id,
    group: 'government',
    answers: given,
    updatedAt: '2026-03-10T10:00:00.000Z',
    createdAt: '2026-03-10T10:00:00.000Z',
    checksum: id,
    receivedAt: '2026-03-10T10:00:00.000Z',
    via: 'file',
  };
}

/** The card of a room whose participants gave these answers to the one question. */
function card(given: Answers[], item?: ConsensusItem) {
  const participants = given.map((entry, index) => participant(`p${index}`, entry));
  const merged = mergeParticipants({ questionnaire: q, groups: ['government'], participants }).questions[0]!;
  return mount(ConsensusCard, {
    props: { question: exists, merged, groups: [], defaultLanguage: 'en', item, participants },
    global: { plugins: [testI18n('en')] },
  });
}
const start = (wrapper: ReturnType<typeof card>) => wrapper.get('[data-testid=agreed-start]').text();
/** A confirmed card is folded to one line: it is opened again, as the facilitator does, to show its answer. */
async function reopened(wrapper: ReturnType<typeof card>) {
  await wrapper
    .findAll('button')
    .find((button) => button.text() === 'Change')!
    .trigger('click');
  return wrapper;
}
const backButton = (wrapper: ReturnType<typeof card>) =>
  wrapper
    .findAll('button')
    .find((button) => button.text().startsWith('Back') || button.text() === 'Clear answer');

describe('ConsensusCard', () => {
  it('starts from the median of the values given, and goes back to it', async () => {
    const room = [
      answers({ exists: value('yes') }),
      answers({ exists: value('no') }),
      answers({ exists: value('yes') }),
    ];
    expect(start(card(room))).toBe('From the median; not confirmed yet.');
    const decided = await reopened(card(room, { decided: true, response: value('no') }));
    expect(start(decided)).toBe('Confirmed by the room.');
    expect(backButton(decided)?.text()).toBe('Back to the median');
  });

  it('says when it starts from "not applicable", the answer most gave, rather than from a median', async () => {
    const room = [
      answers({ exists: notApplicable }),
      answers({ exists: notApplicable }),
      answers({ exists: value('yes') }),
    ];
    expect(start(card(room))).toBe('From the answer most participants gave; not confirmed yet.');
    const decided = await reopened(card(room, { decided: true, response: value('no') }));
    expect(backButton(decided)?.text()).toBe('Back to the answer most participants gave');
  });

  it('says there is nothing to start from when nobody answered, and offers to clear rather than go back', async () => {
    const room = [answers({}), answers({})];
    expect(start(card(room))).toBe('No answer to start from: enter what the room agrees on.');
    const decided = await reopened(card(room, { decided: true, response: value('partly') }));
    expect(backButton(decided)?.text()).toBe('Clear answer');
  });
});
