/** A minimal binary min-heap under a comparator (Python's `heapq`), for the with-replacement draw. */
export interface BinaryHeap<T> {
  readonly size: () => number;
  readonly push: (item: T) => void;
  /** Removes and returns the smallest item; undefined when empty. */
  readonly pop: () => T | undefined;
}

/** Builds a min-heap holding `items` under `compare` (<0 when the first argument is smaller). */
export function createBinaryHeap<T>(items: readonly T[], compare: (a: T, b: T) => number): BinaryHeap<T> {
  const heap = [...items].sort(compare);

  function siftDown(index: number): void {
    const n = heap.length;
    const item = heap[index] as T;
    let i = index;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const smaller = right < n && compare(heap[right] as T, heap[left] as T) < 0 ? right : left;
      if (compare(heap[smaller] as T, item) >= 0) break;
      heap[i] = heap[smaller] as T;
      i = smaller;
    }
    heap[i] = item;
  }

  function push(item: T): void {
    let i = heap.length;
    heap.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compare(heap[parent] as T, item) <= 0) break;
      heap[i] = heap[parent] as T;
      i = parent;
    }
    heap[i] = item;
  }

  function pop(): T | undefined {
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last !== undefined) {
      heap[0] = last;
      siftDown(0);
    }
    return top;
  }

  return { size: () => heap.length, push, pop };
}
