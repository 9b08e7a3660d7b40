// The step data the build wrote beside a listing (sessionguide/blocks/stepper.py), for the
// step-through view of the listing `listingId`.
(listingId) => JSON.parse(document.querySelector(`.sg-stepper[data-listing="${listingId}"]`)
  .querySelector('script[type="application/json"]').textContent)
