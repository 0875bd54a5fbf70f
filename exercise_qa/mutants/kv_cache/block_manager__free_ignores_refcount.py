"""Returns every block of a freed sequence to the free pool, even blocks another sequence still shares."""


class BlockManager(BlockManager):
    def free(self, seq_id):
        for block in self._tables.pop(seq_id):
            if block not in self._free:
                self._refs[block] = 0
                self._free.append(block)
        del self._lengths[seq_id]
