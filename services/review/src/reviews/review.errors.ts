import { Conflict, DomainError, NotFound } from '@mercato/chassis';

export class ReviewNotFound extends NotFound {
  constructor() {
    super('No such review');
  }
}

/** 403 purchase_required: only a customer who received the product may review it. */
export class PurchaseRequired extends DomainError {
  constructor() {
    super({ type: 'purchase_required', status: 403, title: 'Purchase required', detail: 'Only customers who received this product can review it' });
  }
}

export class AlreadyReviewed extends Conflict {
  constructor(reviewId: string) {
    super('You have already reviewed this product; edit your review instead', { reviewId }, 'already_reviewed');
  }
}

export class AlreadyReported extends Conflict {
  constructor() {
    super('You have already reported this review', {}, 'already_reported');
  }
}

export class IllegalReviewMove extends Conflict {
  constructor(action: string, status: string) {
    super(`A ${status} review cannot be moved by ${action}`, { reviewStatus: status }, 'illegal_transition');
  }
}

export class NotYourReview extends DomainError {
  constructor() {
    super({ type: 'forbidden', status: 403, title: 'Forbidden', detail: 'This review belongs to another customer' });
  }
}

export class CannotReportOwn extends DomainError {
  constructor() {
    super({ type: 'cannot_report_own', status: 422, title: 'Unprocessable request', detail: 'You cannot report or vote on your own review' });
  }
}
