package dev.chatinfo.watch;

import java.util.Arrays;

/**
 * The timer structure of a {@link Poller}: a binary min-heap of chats by {@link ChatSlot#due()},
 * each chat knowing its position, so that rescheduling a chat is O(log n) and allocates nothing.
 * One array slot per chat; no timer object per poll. Not thread-safe (the poller's lock guards it).
 */
final class DueQueue {

  private ChatSlot[] heap = new ChatSlot[16];
  private int size;

  int size() {
    return size;
  }

  /** The chat due first, or null. */
  ChatSlot peek() {
    return size == 0 ? null : heap[0];
  }

  void add(ChatSlot slot) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size] = slot;
    slot.queueIndex = size;
    size++;
    siftUp(slot.queueIndex);
  }

  /** Moves a queued chat to its place after its due time changed. */
  void update(ChatSlot slot) {
    int i = slot.queueIndex;
    if (i < 0) {
      return;
    }
    if (i > 0 && heap[(i - 1) >>> 1].due() > slot.due()) {
      siftUp(i);
    } else {
      siftDown(i);
    }
  }

  void remove(ChatSlot slot) {
    int i = slot.queueIndex;
    if (i < 0) {
      return;
    }
    size--;
    ChatSlot moved = heap[size];
    heap[size] = null;
    slot.queueIndex = -1;
    if (i != size) {
      heap[i] = moved;
      moved.queueIndex = i;
      update(moved);
    }
  }

  void clear() {
    for (int i = 0; i < size; i++) {
      heap[i].queueIndex = -1;
      heap[i] = null;
    }
    size = 0;
  }

  private void siftUp(int i) {
    ChatSlot slot = heap[i];
    long due = slot.due();
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      ChatSlot p = heap[parent];
      if (p.due() <= due) {
        break;
      }
      heap[i] = p;
      p.queueIndex = i;
      i = parent;
    }
    heap[i] = slot;
    slot.queueIndex = i;
  }

  private void siftDown(int i) {
    ChatSlot slot = heap[i];
    long due = slot.due();
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      ChatSlot c = heap[child];
      int right = child + 1;
      if (right < size && heap[right].due() < c.due()) {
        child = right;
        c = heap[child];
      }
      if (due <= c.due()) {
        break;
      }
      heap[i] = c;
      c.queueIndex = i;
      i = child;
    }
    heap[i] = slot;
    slot.queueIndex = i;
  }
}
