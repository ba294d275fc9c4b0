// Entry of the journey gadget bundle (one self-contained classic script). Owned by the journey gadget work.
const root = document.createElement('cx-journey-app');
document.body.append(root);
