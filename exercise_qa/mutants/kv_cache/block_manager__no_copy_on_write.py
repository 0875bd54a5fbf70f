"""Appends into a shared, partly filled last block without copying it first (no copy-on-write)."""


class BlockManager(BlockManager):
    def append(self, seq_id, num_tokens=1):
        table, length = self._tables[seq_id], self._lengths[seq_id]
        table.extend(self._take(self._blocks_for(length + num_tokens) - len(table)))
        self._lengths[seq_id] = length + num_tokens
