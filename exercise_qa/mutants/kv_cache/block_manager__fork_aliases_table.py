"""fork() gives the child the parent's block-table list object itself instead of a copy.

Pattern: 4
Ref counts are bumped correctly, but parent and child now share one Python list: when one of
them appends (new blocks, or a copy-on-write replacement of the last block), the other's table
changes too. Only visible after a fork followed by an append.
"""


class BlockManager:
    """Paged KV-cache bookkeeping with reference-counted block sharing and copy-on-write."""

    def __init__(self, num_blocks: int, block_size: int):
        self.num_blocks = num_blocks
        self.block_size = block_size
        self._free = list(range(num_blocks))
        self._refs = [0] * num_blocks
        self._tables = {}
        self._lengths = {}

    def _blocks_for(self, n_tokens: int) -> int:
        return -(-n_tokens // self.block_size)

    def _take(self, count: int) -> list:
        if count > len(self._free):
            raise MemoryError(f"need {count} blocks, only {len(self._free)} free")
        taken = [self._free.pop() for _ in range(count)]
        for b in taken:
            self._refs[b] = 1
        return taken

    def _release(self, block: int) -> None:
        self._refs[block] -= 1
        if self._refs[block] == 0:
            self._free.append(block)

    def allocate(self, seq_id, num_tokens: int) -> None:
        if seq_id in self._tables:
            raise ValueError(f"sequence {seq_id!r} already exists")
        self._tables[seq_id] = self._take(self._blocks_for(num_tokens))
        self._lengths[seq_id] = num_tokens

    def append(self, seq_id, num_tokens: int = 1) -> None:
        table = self._tables[seq_id]
        n = self._lengths[seq_id]
        new_blocks = self._blocks_for(n + num_tokens) - len(table)
        last = table[-1]
        cow = self._refs[last] > 1 and n % self.block_size != 0
        if new_blocks + int(cow) > len(self._free):
            raise MemoryError("not enough free blocks")
        if cow:
            copy = self._take(1)[0]
            self._release(last)
            table[-1] = copy
        table.extend(self._take(new_blocks))
        self._lengths[seq_id] = n + num_tokens

    def fork(self, parent_id, child_id) -> None:
        if child_id in self._tables:
            raise ValueError(f"sequence {child_id!r} already exists")
        table = self._tables[parent_id]
        for b in table:
            self._refs[b] += 1
        self._tables[child_id] = table
        self._lengths[child_id] = self._lengths[parent_id]

    def free(self, seq_id) -> None:
        for b in self._tables.pop(seq_id):
            self._release(b)
        del self._lengths[seq_id]

    def block_table(self, seq_id) -> list:
        return list(self._tables[seq_id])

    def num_tokens(self, seq_id) -> int:
        return self._lengths[seq_id]

    def ref_count(self, block_id: int) -> int:
        return self._refs[block_id]

    def num_free_blocks(self) -> int:
        return len(self._free)

    def wasted_slots(self, seq_id) -> int:
        return len(self._tables[seq_id]) * self.block_size - self._lengths[seq_id]
