import { act, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type SaveResult, useAutosave } from './use-autosave';

function Editor({ save }: { readonly save: (title: string) => Promise<SaveResult> }) {
  const [title, setTitle] = useState('');
  const [flushed, setFlushed] = useState('');
  const autosave = useAutosave(() => save(title), 500);
  const status = autosave.state.status;
  return (
    <>
      <label htmlFor="title">Title</label>
      <input
        id="title"
        value={title}
        onChange={(event) => {
          setTitle(event.target.value);
          autosave.edited();
        }}
        {...autosave.compositionHandlers}
      />
      <output data-testid="status">{status.kind === 'saved' ? `saved ${status.at}` : status.kind}</output>
      <button type="button" onClick={() => void autosave.flush().then((outcome) => setFlushed(outcome))}>
        Submit
      </button>
      <output data-testid="flushed">{flushed}</output>
    </>
  );
}

describe('useAutosave in an editor', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const settle = async (ms: number) => {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(ms);
    });
  };

  it('saves the latest text once typing pauses, and shows when', async () => {
    const save = vi.fn((title: string) => Promise.resolve<SaveResult>({ outcome: 'saved', at: `t:${title}` }));
    render(<Editor save={save} />);
    const input = screen.getByLabelText('Title');
    fireEvent.change(input, { target: { value: 'Q' } });
    await settle(200);
    fireEvent.change(input, { target: { value: 'Quantum' } });
    await settle(499);
    expect(save).not.toHaveBeenCalled();
    await settle(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('Quantum');
    expect(screen.getByTestId('status').textContent).toBe('saved t:Quantum');
  });

  it('does not save in the middle of an IME composition', async () => {
    const save = vi.fn((title: string) => Promise.resolve<SaveResult>({ outcome: 'saved', at: title }));
    render(<Editor save={save} />);
    const input = screen.getByLabelText('Title');
    fireEvent.compositionStart(input);
    fireEvent.change(input, { target: { value: 'りょうし' } });
    await settle(2000);
    expect(save).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: '量子' } });
    fireEvent.compositionEnd(input);
    await settle(600);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('量子');
  });

  it('stops at a conflict and does not save again over the other version', async () => {
    const save = vi.fn(() => Promise.resolve<SaveResult>({ outcome: 'conflict', currentVersion: 4 }));
    render(<Editor save={save} />);
    const input = screen.getByLabelText('Title');
    fireEvent.change(input, { target: { value: 'mine' } });
    await settle(600);
    expect(screen.getByTestId('status').textContent).toBe('conflict');
    fireEvent.change(input, { target: { value: 'mine, more' } });
    await settle(2000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('flushes after a save in flight, then sends what was typed during it, before answering', async () => {
    const answers: (() => void)[] = [];
    const save = vi.fn(
      (title: string) => new Promise<SaveResult>((resolve) => answers.push(() => resolve({ outcome: 'saved', at: title }))),
    );
    render(<Editor save={save} />);
    const input = screen.getByLabelText('Title');
    fireEvent.change(input, { target: { value: 'first' } });
    await settle(600);
    expect(save).toHaveBeenCalledTimes(1);
    fireEvent.change(input, { target: { value: 'first and second' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    await settle(0);
    expect(screen.getByTestId('flushed').textContent).toBe('');
    act(() => answers[0]!());
    await settle(0);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith('first and second');
    expect(screen.getByTestId('flushed').textContent).toBe('');
    act(() => answers[1]!());
    await settle(0);
    expect(screen.getByTestId('flushed').textContent).toBe('saved');
  });
});
