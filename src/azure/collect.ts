/** Drains an SDK pager (`PagedAsyncIterableIterator`) into an array, following every page. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const result: T[] = [];
  for await (const item of items) result.push(item);
  return result;
}
