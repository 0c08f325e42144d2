"""The knowledge pillar: articles on domestic violence and child abuse, and their index."""
