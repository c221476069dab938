"""Services: the exam-day operations, each checking the actor's role and writing the audit trail."""
