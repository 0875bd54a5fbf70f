"""Computes the blocks needed as n // block_size + 1, one block too many whenever n is a multiple of block_size."""


class BlockManager(BlockManager):
    def _blocks_for(self, n_tokens):
        return n_tokens // self.block_size + 1
