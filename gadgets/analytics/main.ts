// Entry of the analytics gadget bundle (one self-contained classic script). Owned by the analytics gadget work.
const root = document.createElement('cx-analytics-app');
document.body.append(root);
