"""Forks by copying the parent's blocks into new ones instead of sharing them (prefix sharing saves nothing)."""


class BlockManager(BlockManager):
    def fork(self, parent_id, child_id):
        if child_id in self._tables:
            raise ValueError(f"sequence {child_id!r} already exists")
        self._tables[child_id] = self._take(len(self._tables[parent_id]))
        self._lengths[child_id] = self._lengths[parent_id]
