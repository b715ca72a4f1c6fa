// A product as a card in lists (catalog search, the home page): image, category, trial, name, provider, summary and the "from" price.
import { Anchor, Card, Image, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProductSummary } from '../api/catalog';
import { formatYen, useLang } from './catalog-format';
import { ProductBadges } from './product-badges';
import classes from './product-card.module.css';

/** The image is decoration here (the name next to it is the link), so it is hidden from screen readers. */
export function ProductCard({ product }: { product: ProductSummary }) {
  const { t } = useTranslation();
  const lang = useLang();
  const image = product.image;
  return (
    <Card withBorder padding="lg" className={classes.card}>
      {image && (
        <Card.Section>
          <Link to={`/products/${product.slug}`} tabIndex={-1} aria-hidden>
            <Image src={image.url} alt="" h={140} fit="cover" />
          </Link>
        </Card.Section>
      )}
      <Stack gap="xs" h="100%" pt={image ? 'sm' : 0}>
        <ProductBadges category={product.category} trial={product.trial} />
        <Anchor component={Link} to={`/products/${product.slug}`} fw={700} size="lg">
          {product.name[lang]}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t('catalog.providedBy', { name: product.provider.name[lang] })}
        </Text>
        <Text size="sm" className={classes.summary}>
          {product.summary[lang]}
        </Text>
        {product.priceFrom && (
          <Text size="sm">
            {t('catalog.priceFrom', {
              amount: formatYen(product.priceFrom.amount),
              withTax: formatYen(product.priceFrom.withTax),
            })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
