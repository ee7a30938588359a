import { useEffect, useState } from 'preact/hooks';
import { request } from '../../messaging/client';
import type { Contact, Deal } from '../../storage/schemas';

interface Person {
  name: string;
  company: string;
  linkedinUrl: string;
  linkedinMemberId: string | null;
}

/**
 * A contact already on file who looks like the prospect being added, with their deals; looked
 * up again a moment after the rep stops typing the name or company.
 */
export function useSamePerson({ name, company, linkedinUrl, linkedinMemberId }: Person) {
  const [same, setSame] = useState<{ contact: Contact; deals: Deal[] } | null>(null);
  useEffect(() => {
    let current = true;
    const timer = setTimeout(async () => {
      const found = await request({
        type: 'contact.same',
        name,
        company,
        linkedinUrl,
        linkedinMemberId,
      });
      if (current) setSame(found);
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [name, company, linkedinUrl, linkedinMemberId]);
  return same;
}
