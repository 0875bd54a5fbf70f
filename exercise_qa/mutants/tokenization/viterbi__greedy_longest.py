"""Unigram segmentation is done greedily by longest match instead of Viterbi."""


def viterbi_segment(text, log_probs):
    pieces, start, score = [], 0, 0.0
    while start < len(text):
        for end in range(len(text), start, -1):
            if text[start:end] in log_probs:
                pieces.append(text[start:end]); score += log_probs[text[start:end]]; start = end
                break
        else:
            return None, float("-inf")
    return pieces, float(score)
